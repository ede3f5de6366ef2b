// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Hosting.Outbound;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Projects.ProjectHosts;

namespace Tessera.IntegrationTests.Projects;

/// <summary>
/// Domain verification through the real resolver (DnsClient) against a fake DNS server on 127.0.0.1: the TXT record
/// the domain's <c>verification</c> names activates it; anything else leaves it pending with a reason, never a 500.
/// DNS does not depend on the database, so SQLite only.
/// </summary>
public sealed class DomainDnsVerificationTests : IAsyncLifetime
{
    private readonly FakeDnsServer _dns = new();
    private TesseraTestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["projects.domains.verification.nameservers"] = _dns.Endpoint,
            ["projects.domains.verification.timeout"] = "1s",
        });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _dns.DisposeAsync();
    }

    [Fact]
    public async Task Verify_RecordPresent_DomainBecomesActive()
    {
        var (path, verification) = await NewDomainAsync();
        _dns.Records[verification.Name] = ["v=spf1 -all", verification.Value];

        var domain = await VerifyAsync(path);

        domain.GetProperty("state").GetString().ShouldBe("active");
        domain.GetProperty("verified_at").ValueKind.ShouldBe(JsonValueKind.String);
        _dns.Asked.ShouldContain(verification.Name);
    }

    [Fact]
    public async Task Verify_WrongValue_StaysPendingWithAReason()
    {
        var (path, verification) = await NewDomainAsync();
        _dns.Records[verification.Name] = ["tessera-verification=" + new string('x', 32)];

        var domain = await VerifyAsync(path);

        domain.GetProperty("state").GetString().ShouldBe("pending");
        domain.GetProperty("state_reason").GetString()!.ShouldContain(verification.Name);
    }

    [Fact]
    public async Task Verify_NoRecord_StaysPendingWithNxDomain()
    {
        var (path, _) = await NewDomainAsync();

        var domain = await VerifyAsync(path);

        domain.GetProperty("state").GetString().ShouldBe("pending");
        domain.GetProperty("state_reason").GetString()!.ShouldContain("NXDOMAIN");
    }

    [Fact]
    public async Task Verify_ServerFailure_StaysPendingWithServFail()
    {
        var (path, verification) = await NewDomainAsync();
        _dns.Records[verification.Name] = [verification.Value];
        _dns.Failing[verification.Name] = true;

        var domain = await VerifyAsync(path);

        domain.GetProperty("state").GetString().ShouldBe("pending");
        domain.GetProperty("state_reason").GetString()!.ShouldContain("ServerFailure");
    }

    [Fact]
    public async Task Verify_ServerSilent_StaysPendingWithinTheTimeout()
    {
        var (path, verification) = await NewDomainAsync();
        _dns.Records[verification.Name] = [verification.Value];
        _dns.Silent = true;

        var watch = Stopwatch.StartNew();
        var domain = await VerifyAsync(path);

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        domain.GetProperty("state").GetString().ShouldBe("pending");
        domain.GetProperty("state_reason").GetString()!.ShouldContain("within 1s");
        Audit().Attempts.ShouldBeEmpty();
    }

    [Fact]
    public async Task DefaultTestServer_Verify_AsksOnlyLoopback_AndStaysPending()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite);
        var (projectId, _) = await CreateProjectAsync(server);
        using var created = await server.Admin.PostAsJsonAsync($"/admin/projects/{projectId}/domains", new { hostname = $"id.{Slug()}.example" });
        var id = (await JsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var verified = await server.Admin.PostAsync($"/admin/projects/{projectId}/domains/{id}/verify", null);

        (await JsonAsync(verified, HttpStatusCode.OK)).GetProperty("state").GetString().ShouldBe("pending");
        ((LoopbackOnlyOutbound)server.Services.GetRequiredService<IOutboundConnectAudit>()).Attempts.ShouldBeEmpty();
    }

    private async Task<(string Path, (string Name, string Value) Verification)> NewDomainAsync()
    {
        var (projectId, _) = await CreateProjectAsync(_server);
        using var created = await _server.Admin.PostAsJsonAsync($"/admin/projects/{projectId}/domains", new { hostname = $"login.{Slug()}.example" });
        var domain = await JsonAsync(created, HttpStatusCode.Created);
        var verification = domain.GetProperty("verification");
        return ($"/admin/projects/{projectId}/domains/{domain.GetProperty("id").GetGuid()}",
            (verification.GetProperty("name").GetString()!, verification.GetProperty("value").GetString()!));
    }

    private async Task<JsonElement> VerifyAsync(string path)
    {
        using var response = await _server.Admin.PostAsync(path + "/verify", null);
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    private LoopbackOnlyOutbound Audit() => (LoopbackOnlyOutbound)_server.Services.GetRequiredService<IOutboundConnectAudit>();
}
