import ArgumentParser

/// `alpaca-dash`: a terminal dashboard over Alpaca's market data, plus headless commands and the simulator.
struct AlpacaDashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alpaca-dash",
        abstract: "A terminal dashboard over Alpaca's market-data and trading APIs (read-only).",
        discussion: """
            With APCA_API_KEY_ID and APCA_API_SECRET_KEY set it talks to Alpaca (paper host by default); \
            without them, or with --demo, it starts its built-in simulator and says SIMULATED. \
            Keys are read only from the environment, never from the command line.
            Exit status: 0 all good, 2 usage, 3 some symbols failed, 4 upstream unreachable or unauthorised.
            """,
        subcommands: [
            DashboardCommand.self, SimCommand.self, QuoteCommand.self, ChainCommand.self, BarsCommand.self,
            ClockCommand.self, DoctorCommand.self, AuditCommand.self, HealthCommand.self, WatchCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self)
}
