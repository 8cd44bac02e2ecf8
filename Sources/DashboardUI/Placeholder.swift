// The DashboardUI module; its code arrives with its issue.
