// The TUITestSupport module; its code arrives with its issue.
