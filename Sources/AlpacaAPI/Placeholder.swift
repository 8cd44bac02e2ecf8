// The AlpacaAPI module; its code arrives with its issue.
