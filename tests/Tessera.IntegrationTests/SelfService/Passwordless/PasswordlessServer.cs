// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.RegularExpressions;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Codes;

namespace Tessera.IntegrationTests.SelfService.Passwordless;

/// <summary>
/// The code-flow server (SMTP sink, parked courier worker, require_verified_address on login) with
/// <c>selfservice.methods.code.passwordless_enabled</c>, and room for concurrent submissions.
/// </summary>
public abstract class PasswordlessServer(DatabaseKind kind) : CodeFlowServer(kind)
{
    protected override Dictionary<string, string> Settings => new(SettingsFor(Sink))
    {
        ["selfservice.methods.code.passwordless_enabled"] = "true",
        ["rate_limits.buckets.flow_submissions.limit"] = "100000",
    };

    /// <summary>Runs one courier poll, then reads the code of the <paramref name="n"/>th message (1-based) to <paramref name="to"/>.</summary>
    public async Task<string> DeliverNthCodeAsync(string to, int n)
    {
        await DeliverAsync(Server);
        for (var waited = 0; waited < 150; waited++)
        {
            var mails = Sink.Messages.Where(m => m.IsFor(to)).ToList();
            if (mails.Count >= n)
            {
                return Regex.Match(mails[n - 1].TextBody, @"\b\d{6}\b").Value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no message {n} to {to}");
    }

    /// <summary>
    /// A flow answer with everything that differs between two flows of the same shape taken out: ids, timestamps, the
    /// CSRF token and the address typed in.
    /// </summary>
    public static string Shape(string body, string flowId, string address)
    {
        var text = body.Replace(flowId, "FLOW", StringComparison.Ordinal).Replace(address, "ADDRESS", StringComparison.Ordinal);
        text = Regex.Replace(text, @"\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})", "TIME");
        using var json = JsonDocument.Parse(text);
        return JsonSerializer.Serialize(json.RootElement);
    }
}

public sealed class SqlitePasswordlessServer() : PasswordlessServer(DatabaseKind.Sqlite);

public sealed class PostgresPasswordlessServer() : PasswordlessServer(DatabaseKind.Postgres);
