// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Mfa;

/// <summary>Servers for issue 7: TOTP and backup codes on, a cipher key, ten-minute flows, whoami requiring the highest AAL.</summary>
public abstract class MfaServer(DatabaseKind kind) : ServerFixture(kind)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["cookies.secure"] = "false",
        ["selfservice.flows.login.lifespan"] = "10m",
        ["selfservice.flows.registration.lifespan"] = "10m",
        ["selfservice.flows.settings.lifespan"] = "10m",
        ["selfservice.methods.totp.enabled"] = "true",
        ["selfservice.methods.totp.config.issuer"] = "Tessera Tests",
        ["selfservice.methods.lookup_secret.enabled"] = "true",
        ["secrets.cipher"] = """["a-test-cipher-key-that-is-32-chars-or-more"]""",
        ["session.whoami.required_aal"] = "highest_available",
    };
}

public sealed class SqliteMfaServer() : MfaServer(DatabaseKind.Sqlite);

public sealed class PostgresMfaServer() : MfaServer(DatabaseKind.Postgres);
