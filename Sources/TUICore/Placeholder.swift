// The TUICore module; its code arrives with its issue.
