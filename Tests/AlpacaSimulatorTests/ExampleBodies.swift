/// Example bodies from Alpaca's official OpenAPI specs (shared/alpaca-examples), compacted, used as
/// the reference shapes the simulator must match (same keys, same value types).
enum ExampleBodies {
    /// `stocks_snapshots_multi_AAPL_TSLA.json`.
    static let stockSnapshots = #"""
        {"AAPL":{"dailyBar":{"c":173.03,"h":173.71,"l":171.6618,"n":515139,"o":172.62,"t":"2022-08-16T04:00:00Z","v":56457696,"vw":172.743391},"latestQuote":{"ap":172.7,"as":5,"ax":"Q","bp":172.6,"bs":2,"bx":"Q","c":["R"],"t":"2022-08-17T10:18:27.052763263Z","z":"C"},"latestTrade":{"c":["@","T"],"i":1011,"p":172.61,"s":160,"t":"2022-08-17T10:18:24.114694956Z","x":"Q","z":"C"},"minuteBar":{"c":172.69,"h":172.69,"l":172.69,"n":3,"o":172.69,"t":"2022-08-17T10:16:00Z","v":106,"vw":172.688113},"prevDailyBar":{"c":173.19,"h":173.39,"l":171.345,"n":501626,"o":171.5,"t":"2022-08-15T04:00:00Z","v":54091719,"vw":172.625371}},"TSLA":{"dailyBar":{"c":919.69,"h":944,"l":908.65,"n":805572,"o":935,"t":"2022-08-16T04:00:00Z","v":29378774,"vw":925.215087},"latestQuote":{"ap":911.75,"as":4,"ax":"P","bp":911.31,"bs":1,"bx":"Q","c":["R"],"t":"2022-08-17T10:18:23.84717767Z","z":"C"},"latestTrade":{"c":["@","T"],"i":2047,"p":911.99,"s":100,"t":"2022-08-17T10:13:12.952851456Z","x":"P","z":"C"},"minuteBar":{"c":911.99,"h":911.99,"l":911.99,"n":64,"o":911.99,"t":"2022-08-17T10:13:00Z","v":740,"vw":911.780405},"prevDailyBar":{"c":927.96,"h":939.4,"l":903.69,"n":825109,"o":905.32,"t":"2022-08-15T04:00:00Z","v":29786389,"vw":923.982755}}}
        """#
    /// `stocks_snapshot_single_AAPL.json`.
    static let stockSnapshot = #"""
        {"dailyBar":{"c":173.03,"h":173.71,"l":171.6618,"n":515139,"o":172.62,"t":"2022-08-16T04:00:00Z","v":56457696,"vw":172.743391},"latestQuote":{"ap":172.65,"as":1,"ax":"Q","bp":172.51,"bs":1,"bx":"P","c":["R"],"t":"2022-08-17T10:19:30.805564086Z","z":"C"},"latestTrade":{"c":["@","T"],"i":1040,"p":172.55,"s":229,"t":"2022-08-17T10:19:30.735811394Z","x":"Q","z":"C"},"minuteBar":{"c":172.6,"h":172.65,"l":172.6,"n":57,"o":172.65,"t":"2022-08-17T10:18:00Z","v":3746,"vw":172.618377},"prevDailyBar":{"c":173.19,"h":173.39,"l":171.345,"n":501626,"o":171.5,"t":"2022-08-15T04:00:00Z","v":54091719,"vw":172.625371},"symbol":"AAPL"}
        """#
    /// `stocks_latest_quotes_multi_AAPL_TSLA.json`.
    static let latestQuotes = #"""
        {"quotes":{"AAPL":{"ap":172.7,"as":1,"ax":"Q","bp":172.62,"bs":2,"bx":"Q","c":["R"],"t":"2022-08-17T10:07:40.286587431Z","z":"C"},"TSLA":{"ap":911.6,"as":1,"ax":"Q","bp":911.3,"bs":1,"bx":"K","c":["R"],"t":"2022-08-17T10:07:49.387064037Z","z":"C"}}}
        """#
    /// `stocks_latest_trades_AAPL.json`.
    static let latestTrades = #"""
        {"trades":{"AAPL":{"c":["@","F","T"],"i":826,"p":172.78,"s":100,"t":"2022-08-17T09:50:43.361102308Z","x":"Q","z":"C"}}}
        """#
    /// `stocks_latest_bars_multi_AAPL_TSLA.json`.
    static let latestBars = #"""
        {"bars":{"AAPL":{"c":172.79,"h":172.81,"l":172.78,"n":20,"o":172.81,"t":"2022-08-17T08:58:00Z","v":1002,"vw":172.791417},"TSLA":{"c":914.3,"h":914.3,"l":914.3,"n":20,"o":914.3,"t":"2022-08-17T08:57:00Z","v":751,"vw":914.294634}}}
        """#
    /// `stocks_bars_multi_page1.json`.
    static let barsMulti = #"""
        {"bars":{"AAPL":[{"c":178.21,"h":178.26,"l":178.21,"n":65,"o":178.26,"t":"2022-01-03T09:00:00Z","v":1118,"vw":178.235733}]},"next_page_token":"QUFQTHxNfDIwMjItMDEtMDNUMDk6MDA6MDAuMDAwMDAwMDAwWg=="}
        """#
    /// `stocks_bars_single_page1.json`.
    static let barsSingle = #"""
        {"bars":[{"c":178.21,"h":178.26,"l":178.21,"n":65,"o":178.26,"t":"2022-01-03T09:00:00Z","v":1118,"vw":178.235733}],"next_page_token":"QUFQTHxNfDIwMjItMDEtMDNUMDk6MDA6MDAuMDAwMDAwMDAwWg==","symbol":"AAPL"}
        """#
    /// `option_chain_page1.json`.
    static let optionChain = #"""
        {"next_page_token":"QUFQTDI0MDYyMTAwMDIyMHwx","snapshots":{"AAPL240426C00162500":{"greeks":{"delta":0.7521304109871954,"gamma":0.06241426404871288,"rho":0.009910739032549095,"theta":-0.2847623059595503,"vega":0.047540520834498785},"impliedVolatility":0.3372405712050441,"latestQuote":{"ap":4.3,"as":91,"ax":"B","bp":4.15,"bs":16,"bx":"C","c":"A","t":"2024-04-22T19:59:59.992734208Z"},"latestTrade":{"c":"I","p":4.1,"s":1,"t":"2024-04-22T19:57:32.589554432Z","x":"A"}}}}
        """#
    /// `option_latest_quotes_multi.json`.
    static let optionLatestQuotes = #"""
        {"quotes":{"AAPL240419P00140000":{"ap":0.16,"as":669,"ax":"w","bp":0.15,"bs":164,"bx":"W","c":"A","t":"2024-02-28T15:30:28.046330624Z"},"AAPL250321C00190000":{"ap":17,"as":622,"ax":"X","bp":16.75,"bs":368,"bx":"X","c":" ","t":"2024-02-28T15:47:13.663636224Z"}}}
        """#
    /// `option_latest_trades.json`.
    static let optionLatestTrades = #"""
        {"trades":{"AAPL250321C00190000":{"c":"e","p":17.15,"s":900,"t":"2024-02-28T15:26:12.728701696Z","x":"B"}}}
        """#
    /// `clock.json`.
    static let clock = #"""
        {"is_open":true,"next_close":"2025-06-24T16:00:00-04:00","next_open":"2025-06-25T09:30:00-04:00","timestamp":"2025-06-24T14:15:22-04:00"}
        """#
    /// `account.json`.
    static let account = #"""
        {"account_blocked":false,"account_number":"PALPACA_123","accrued_fees":"0","admin_configurations":{},"balance_asof":"2023-09-27","bod_dtbp":0,"buying_power":"245432.61","cash":"122086.5","created_at":"2023-01-01T18:20:20.272275Z","crypto_status":"ACTIVE","crypto_tier":1,"currency":"USD","daytrade_count":0,"daytrading_buying_power":"0","effective_buying_power":"245432.61","equity":"123346.11","id":"1d9eed04-be39-4e01-9b84-a48ac5bbafcf","initial_margin":"629.8","intraday_adjustments":"0","last_equity":"122011.09751111286868","last_maintenance_margin":"480.73","long_market_value":"1259.61","maintenance_margin":"377.88","multiplier":"2","non_marginable_buying_power":"122086.5","options_buying_power":"122716.305","options_trading_level":2,"pattern_day_trader":true,"pending_reg_taf_fees":"0","pending_transfer_in":"0","portfolio_value":"123346.11","position_market_value":"1259.61","regt_buying_power":"245432.61","short_market_value":"0","shorting_enabled":true,"sma":"123369.74","status":"ACTIVE","trade_suspended_by_user":false,"trading_blocked":false,"transfers_blocked":false,"user_configurations":null}
        """#
    /// `position_example2.json`.
    static let position = #"""
        {"asset_class":"us_equity","asset_id":"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415","asset_marginable":false,"avg_entry_price":"174.78","change_today":"-0.0018326556325525","cost_basis":"349.56","current_price":"174.29","exchange":"NASDAQ","lastday_price":"174.61","market_value":"348.58","qty":"2","qty_available":"2","side":"long","symbol":"AAPL","unrealized_intraday_pl":"-0.98","unrealized_intraday_plpc":"-0.0028035244307129","unrealized_pl":"-0.98","unrealized_plpc":"-0.0028035244307129"}
        """#
    /// `order_equity_example.json`.
    static let order = #"""
        {"asset_class":"us_equity","asset_id":"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415","canceled_at":null,"client_order_id":"5680c4bc-9ac1-4a12-a44c-df427ba53032","created_at":"2023-12-12T22:31:24.668464435Z","expired_at":null,"extended_hours":false,"failed_at":null,"filled_at":null,"filled_avg_price":null,"filled_qty":"0","hwm":null,"id":"7b08df51-c1ac-453c-99f9-323a5f075f0d","legs":null,"limit_price":"150","notional":null,"order_class":"","order_type":"limit","qty":"2","replaced_at":null,"replaced_by":null,"replaces":null,"side":"buy","source":null,"status":"accepted","stop_price":null,"submitted_at":"2023-12-12T22:31:24.577215743Z","subtag":null,"symbol":"AAPL","time_in_force":"gtc","trail_percent":null,"trail_price":null,"type":"limit","updated_at":"2023-12-12T22:31:24.668464435Z"}
        """#
    /// `watchlists.json`.
    static let watchlists = #"""
        [{"account_id":"abe25343-a7ba-4255-bdeb-f7e013e9ee5d","created_at":"2022-01-31T21:49:05.14628Z","id":"3174d6df-7726-44b4-a5bd-7fda5ae6e009","name":"Primary Watchlist","updated_at":"2022-01-31T21:49:05.14628Z"}]
        """#
    /// `watchlist_by_id.json`.
    static let watchlist = #"""
        {"account_id":"abe25343-a7ba-4255-bdeb-f7e013e9ee5d","assets":[{"class":"us_equity","easy_to_borrow":true,"exchange":"NASDAQ","fractionable":true,"id":"8ccae427-5dd0-45b3-b5fe-7ba5e422c766","marginable":true,"name":"Tesla, Inc. Common Stock","shortable":true,"status":"active","symbol":"TSLA","tradable":true}],"created_at":"2022-01-31T21:49:05.14628Z","id":"3174d6df-7726-44b4-a5bd-7fda5ae6e009","name":"Primary Watchlist","updated_at":"2022-01-31T21:49:05.14628Z"}
        """#
    /// `asset_AAPL.json`.
    static let asset = #"""
        {"borrow_status":"easy_to_borrow","class":"us_equity","easy_to_borrow":true,"exchange":"NASDAQ","fractionable":true,"id":"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415","marginable":true,"name":"Apple Inc. Common Stock","shortable":true,"status":"active","symbol":"AAPL","tradable":true}
        """#
    /// `error_40410000_option_contract_not_found.json`.
    static let contractNotFound = #"""
        {"code":40410000,"message":"option contract TSLA231110C00021000 not found"}
        """#
}
