// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Tessera.OAuth2.Keys;

/// <summary>A JWK (from IdentityModel's converter) written with its RFC 7517/7518 member names, as Hydra's <c>jsonWebKey</c>.</summary>
internal static class JwkJson
{
    public static JsonObject Write(JsonWebKey key)
    {
        var json = new JsonObject();
        void Put(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                json[name] = value;
            }
        }

        Put("alg", key.Alg);
        Put("crv", key.Crv);
        Put("d", key.D);
        Put("dp", key.DP);
        Put("dq", key.DQ);
        Put("e", key.E);
        Put("kid", key.Kid);
        Put("kty", key.Kty);
        Put("n", key.N);
        Put("p", key.P);
        Put("q", key.Q);
        Put("qi", key.QI);
        Put("use", key.Use);
        Put("x", key.X);
        Put("y", key.Y);
        return json;
    }

    public static JsonObject Set(IEnumerable<JsonWebKey> keys) => new() { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)Write(k)).ToArray()) };
}
