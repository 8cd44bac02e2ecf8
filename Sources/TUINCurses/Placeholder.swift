// The TUINCurses module; its code arrives with its issue.
