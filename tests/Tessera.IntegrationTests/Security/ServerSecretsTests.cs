// SPDX-License-Identifier: Apache-2.0
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using Tessera.Security.Secrets;

namespace Tessera.IntegrationTests.Security;

/// <summary>
/// <c>secrets.default</c> / <c>secrets.cookie</c>, and the secret the server generates and stores when none is
/// configured: shared by every node on the database and kept across restarts.
/// </summary>
public abstract class ServerSecretsTests(DatabaseKind kind)
{
    private static readonly byte[] Sample = Encoding.UTF8.GetBytes("sample");

    [Fact]
    public async Task NoSecretConfigured_NodesStartingTogether_ShareOneStoredSecret_AndARestartKeepsIt()
    {
        var dsn = await TestDatabases.CreateAsync(kind);
        string first, second;
        {
            var nodes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => TesseraTestServer.StartAsync(kind, dsn: dsn)));
            try
            {
                var signatures = nodes.Select(n => Signature(n, SecretPurpose.OneTimeCodes)).Distinct().ToList();
                signatures.Count.ShouldBe(1);
                first = signatures[0];
                nodes.ShouldAllBe(n => n.Services.GetRequiredService<ServerSecrets>().UsesGeneratedSecret);
                (await StoredSecretsAsync(nodes[0])).ShouldBe(1);
            }
            finally
            {
                foreach (var node in nodes)
                {
                    await node.DisposeAsync();
                }
            }
        }

        await using (var restarted = await TesseraTestServer.StartAsync(kind, dsn: dsn))
        {
            second = Signature(restarted, SecretPurpose.OneTimeCodes);
        }

        second.ShouldBe(first);
    }

    [Fact]
    public async Task SecretsDefault_IsUsed_AndNothingIsGeneratedOrStored()
    {
        var settings = new Dictionary<string, string> { ["secrets.default"] = """["configured-secret-0123456789"]""" };
        await using var configured = await TesseraTestServer.StartAsync(kind, settings);
        await using var same = await TesseraTestServer.StartAsync(kind, settings);
        await using var generated = await TesseraTestServer.StartAsync(kind);

        configured.Services.GetRequiredService<ServerSecrets>().UsesGeneratedSecret.ShouldBeFalse();
        (await StoredSecretsAsync(configured)).ShouldBe(0);
        Signature(configured, SecretPurpose.OneTimeCodes).ShouldBe(Signature(same, SecretPurpose.OneTimeCodes));
        Signature(configured, SecretPurpose.OneTimeCodes).ShouldNotBe(Signature(generated, SecretPurpose.OneTimeCodes));
    }

    [Fact]
    public async Task Purposes_GetTheirOwnKeys_AndCookiePurposesUseSecretsCookie()
    {
        var cookiePurpose = new SecretPurpose("test/cookie", Cookie: true);
        var defaultPurpose = new SecretPurpose("test/cookie");
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
        {
            ["secrets.default"] = """["default-secret-0123456789"]""",
            ["secrets.cookie"] = """["cookie-secret-0123456789"]""",
        });
        await using var noCookieSecret = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
        {
            ["secrets.default"] = """["default-secret-0123456789"]""",
        });

        Signature(server, SecretPurpose.OneTimeCodes).ShouldNotBe(Signature(server, SecretPurpose.RateLimitKeys));
        Signature(server, cookiePurpose).ShouldNotBe(Signature(server, defaultPurpose));
        Signature(noCookieSecret, cookiePurpose).ShouldBe(Signature(noCookieSecret, defaultPurpose));
        Signature(noCookieSecret, defaultPurpose).ShouldBe(Signature(server, defaultPurpose));
    }

    private static string Signature(TesseraTestServer server, SecretPurpose purpose) =>
        Convert.ToHexString(server.Services.GetRequiredService<ServerSecrets>().For(purpose).Sign(Sample));

    private static async Task<int> StoredSecretsAsync(TesseraTestServer server)
    {
        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM server_secrets");
    }
}

public sealed class SqliteServerSecretsTests() : ServerSecretsTests(DatabaseKind.Sqlite);

public sealed class PostgresServerSecretsTests() : ServerSecretsTests(DatabaseKind.Postgres);
