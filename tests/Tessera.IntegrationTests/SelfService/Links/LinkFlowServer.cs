// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.RegularExpressions;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Codes;

namespace Tessera.IntegrationTests.SelfService.Links;

/// <summary>
/// A server whose recovery and verification use the link method (<c>use: link</c>), with a real SMTP sink on loopback
/// and the courier parked (tests deliver with <see cref="CodeFlowServer.DeliverAsync"/>). Links live 10 minutes, flows an
/// hour, so the fake clock can expire a link inside a live flow.
/// </summary>
public abstract class LinkFlowServer(DatabaseKind kind) : IAsyncLifetime
{
    private TesseraTestServer? _server;

    public DatabaseKind Kind { get; } = kind;

    public SmtpSink Sink { get; } = SmtpSink.Start();

    public TesseraTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public static Dictionary<string, string> LinkSettingsFor(SmtpSink sink)
    {
        var settings = CodeFlowServer.SettingsFor(sink);
        settings["selfservice.methods.link.enabled"] = "true";
        settings["selfservice.methods.link.config.lifespan"] = "10m";
        settings["selfservice.flows.recovery.use"] = "link";
        settings["selfservice.flows.verification.use"] = "link";
        return settings;
    }

    public async Task InitializeAsync() => _server = await TesseraTestServer.StartAsync(Kind, LinkSettingsFor(Sink));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await Sink.DisposeAsync();
    }

    /// <summary>Runs one courier poll, then reads the link from the newest message to <paramref name="to"/>.</summary>
    public static async Task<Uri> DeliverLinkAsync(TesseraTestServer server, SmtpSink sink, string to, string kind)
    {
        await CodeFlowServer.DeliverAsync(server);
        var mail = await sink.WaitForMessageAsync(to);
        var link = Regex.Match(mail.TextBody, $@"http://\S+/self-service/{kind}\?flow=[0-9a-f-]{{36}}&token=[A-Za-z0-9]{{32}}").Value;
        link.ShouldNotBeNullOrEmpty(mail.TextBody);
        return new Uri(link);
    }

    /// <summary>The link with another token of the same length (what a guess or a tampered link looks like).</summary>
    public static Uri WithToken(Uri link, string token) => new(Regex.Replace(link.AbsoluteUri, "token=[A-Za-z0-9]*", "token=" + token));

    public static string NewLinkEmail() => $"link-{Guid.NewGuid():N}@example.com";

    public static void ShouldBeRedirectTo(HttpResponseMessage response, string path)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.AbsolutePath.ShouldBe(path);
    }
}

public sealed class SqliteLinkFlowServer() : LinkFlowServer(DatabaseKind.Sqlite);

public sealed class PostgresLinkFlowServer() : LinkFlowServer(DatabaseKind.Postgres);
