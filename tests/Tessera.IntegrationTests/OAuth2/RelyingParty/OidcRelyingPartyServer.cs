// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.OAuth2.RelyingParty;

/// <summary>Tessera for <see cref="OidcRelyingPartyTests"/>: its own login and consent pages over plain http on loopback.</summary>
public sealed class OidcRelyingPartyServer() : ServerFixture(DatabaseKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["cookies.secure"] = "false",
    };
}
