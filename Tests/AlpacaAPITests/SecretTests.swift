import AlpacaAPI
import Foundation
import Testing

struct SecretTests {
    @Test func neverPrintsItself() throws {
        let canary = "CANARYsecret0123456789xyzw"
        let secret = Secret(canary)
        #expect(secret.description == "****xyzw")
        #expect("\(secret)" == "****xyzw")
        #expect(String(reflecting: secret) == "****xyzw")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains(canary))
        let credentials = Credentials(keyID: Secret("PKTESTKEY1"), secretKey: secret)
        var dumpedCredentials = ""
        dump(credentials, to: &dumpedCredentials)
        #expect(!dumpedCredentials.contains(canary))
        #expect(!"\(credentials)".contains(canary))
        let encoded = String(decoding: try JSONEncoder().encode(credentials), as: UTF8.self)
        #expect(!encoded.contains(canary))
        #expect(Secret("short").description == "****")
    }

    @Test func credentialsComeOnlyFromTheEnvironment() {
        #expect(Credentials.fromEnvironment([:]) == nil)
        #expect(Credentials.fromEnvironment(["APCA_API_KEY_ID": "x"]) == nil)
        #expect(Credentials.fromEnvironment(["APCA_API_KEY_ID": "x", "APCA_API_SECRET_KEY": ""]) == nil)
        #expect(Credentials.fromEnvironment(["APCA_API_KEY_ID": "x", "APCA_API_SECRET_KEY": "y"]) != nil)
        let hosts = AlpacaHosts.resolve(environment: ["APCA_API_DATA_URL": "http://127.0.0.1:9/"])
        #expect(hosts.data == "http://127.0.0.1:9")
        #expect(hosts.trading == AlpacaHosts.paperTrading)
        #expect(AlpacaHosts.resolve(environment: [:], trading: "https://api.alpaca.markets").isPaper == false)
    }
}
