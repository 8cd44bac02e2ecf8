// The AlpacaSimulator module; its code arrives with its issue.
