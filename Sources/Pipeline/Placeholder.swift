// The Pipeline module; its code arrives with its issue.
