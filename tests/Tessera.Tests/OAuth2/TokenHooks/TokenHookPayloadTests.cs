// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.OAuth2.TokenHooks;

namespace Tessera.Tests.OAuth2.TokenHooks;

public sealed class TokenHookPayloadTests
{
    private static readonly TokenHookRequest Request = new("authorization_code", "app-client", "3f0e4c54-1b7e-4a49-9d4c-4c4cfb5d2a10", ["openid", "offline"], ["https://api.example"])
    {
        Issuer = "https://auth.example/",
        AccessTokenClaims = new JsonObject { ["tenant"] = "t1" },
        IdTokenClaims = new JsonObject { ["name"] = "Ada" },
    };

    [Fact]
    public void ForTokenHook_HasHydrasSessionAndRequest()
    {
        var json = TokenHookPayload.ForTokenHook(Request);

        json["request"]!["client_id"]!.GetValue<string>().ShouldBe("app-client");
        json["request"]!["granted_scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["openid", "offline"]);
        json["request"]!["granted_audience"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["https://api.example"]);
        json["request"]!["grant_types"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["authorization_code"]);
        json["request"]!["payload"]!.AsObject().Count.ShouldBe(0);
        json["session"]!["client_id"]!.GetValue<string>().ShouldBe("app-client");
        json["session"]!["extra"]!["tenant"]!.GetValue<string>().ShouldBe("t1");
        json["session"]!["id_token"]!["subject"]!.GetValue<string>().ShouldBe(Request.Subject);
        json["session"]!["id_token"]!["id_token_claims"]!["sub"]!.GetValue<string>().ShouldBe(Request.Subject);
        json["session"]!["id_token"]!["id_token_claims"]!["iss"]!.GetValue<string>().ShouldBe("https://auth.example/");
        json["session"]!["id_token"]!["id_token_claims"]!["ext"]!["name"]!.GetValue<string>().ShouldBe("Ada");
        json.ContainsKey("subject").ShouldBeFalse();
    }

    [Fact]
    public void ForRefreshTokenHook_AddsHydrasFlatRefreshFields()
    {
        var json = TokenHookPayload.ForRefreshTokenHook(Request with { GrantType = "refresh_token" });

        json["subject"]!.GetValue<string>().ShouldBe(Request.Subject);
        json["client_id"]!.GetValue<string>().ShouldBe("app-client");
        json["granted_scopes"]!.AsArray().Count.ShouldBe(2);
        json["granted_audience"]!.AsArray().Count.ShouldBe(1);
        json["requester"]!["grant_types"]![0]!.GetValue<string>().ShouldBe("refresh_token");
        json["session"]!["extra"]!["tenant"]!.GetValue<string>().ShouldBe("t1");
    }

    [Fact]
    public void ForTokenHook_Payload_IsAMapOfLists()
    {
        var json = TokenHookPayload.ForTokenHook(Request with
        {
            Payload = new Dictionary<string, IReadOnlyList<string>> { ["assertion"] = ["eyJ..."] },
        });

        json["request"]!["payload"]!["assertion"]![0]!.GetValue<string>().ShouldBe("eyJ...");
    }
}
