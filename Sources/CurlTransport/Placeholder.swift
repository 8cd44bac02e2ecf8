// The CurlTransport module; its code arrives with its issue.
