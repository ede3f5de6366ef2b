// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Courier;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Courier;

/// <summary><c>/admin/courier/messages</c> over HTTP: Kratos's keyset pagination with a Link header, filters, errors.</summary>
public abstract partial class AdminCourierEndpointsTests(DatabaseKind kind) : IAsyncLifetime
{
    private TesseraTestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string> { ["courier.worker.pull_wait"] = "1h" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task List_FollowingTheNextLink_ReturnsEveryMessageExactlyOnce()
    {
        var ids = new HashSet<Guid>();
        for (var i = 0; i < 17; i++)
        {
            ids.Add(await QueueAsync($"page-{i}@example.com"));
            if (i % 4 == 0)
            {
                _server.Clock.Advance(TimeSpan.FromMilliseconds(1));
            }
        }

        var seen = new List<Guid>();
        var url = "/admin/courier/messages?page_size=5";
        var pages = 0;
        while (url is not null)
        {
            using var response = await _server.Admin.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            body.RootElement.GetArrayLength().ShouldBeLessThanOrEqualTo(5);
            seen.AddRange(body.RootElement.EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));
            var link = string.Join(',', response.Headers.GetValues("Link"));
            link.ShouldContain("rel=\"first\"");
            url = NextLink().Match(link) is { Success: true } next ? next.Groups[1].Value : null;
            pages++;
        }

        seen.ShouldBeUnique();
        seen.ToHashSet().ShouldBe(ids, ignoreOrder: true);
        pages.ShouldBe(4);
    }

    [Fact]
    public async Task List_FiltersByStatusAndRecipient_AndKeepsFiltersInTheLink()
    {
        var recipient = $"filter-{Guid.NewGuid():N}@example.com";
        var first = await QueueAsync(recipient);
        var second = await QueueAsync(recipient);
        await QueueAsync($"other-{Guid.NewGuid():N}@example.com");

        using var byRecipient = await _server.Admin.GetAsync($"/admin/courier/messages?recipient={recipient}&page_size=1");
        using var byRecipientBody = JsonDocument.Parse(await byRecipient.Content.ReadAsStringAsync());
        byRecipientBody.RootElement.GetArrayLength().ShouldBe(1);
        var link = string.Join(',', byRecipient.Headers.GetValues("Link"));
        var next = NextLink().Match(link).Groups[1].Value;
        next.ShouldContain("recipient=");
        using var nextPage = JsonDocument.Parse(await _server.Admin.GetStringAsync(next));
        new[] { byRecipientBody.RootElement[0].GetProperty("id").GetGuid(), nextPage.RootElement[0].GetProperty("id").GetGuid() }
            .ShouldBe([first, second], ignoreOrder: true);

        await _server.Services.GetRequiredService<CourierDispatcher>().ProcessBatchAsync();
        var third = await QueueAsync(recipient);
        using var queued = JsonDocument.Parse(await _server.Admin.GetStringAsync($"/admin/courier/messages?status=queued&recipient={recipient}"));
        // No SMTP server here: what the worker handled was logged, not sent.
        using var logged = JsonDocument.Parse(await _server.Admin.GetStringAsync($"/admin/courier/messages?status=logged&recipient={recipient}"));
        using var sent = JsonDocument.Parse(await _server.Admin.GetStringAsync($"/admin/courier/messages?status=sent&recipient={recipient}"));
        queued.RootElement.EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ShouldBe([third]);
        logged.RootElement.EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ShouldBe([first, second], ignoreOrder: true);
        sent.RootElement.GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("not-a-uuid")]
    [InlineData("' OR 1=1 --")]
    public async Task Get_UnknownOrGarbageId_Answers404CourierMessageNotFound(string id)
    {
        using var response = await _server.Admin.GetAsync($"/admin/courier/messages/{Uri.EscapeDataString(id)}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("id").GetString().ShouldBe("courier_message_not_found");
    }

    [Theory]
    [InlineData("page_size=0", "page_size")]
    [InlineData("page_size=abc", "page_size")]
    [InlineData("page_token=garbage!", "page_token")]
    [InlineData("page_token=bm9wZQ", "page_token")]
    public async Task List_BadPagingParameters_Answer400NamingTheParameter(string query, string parameter)
    {
        using var response = await _server.Admin.GetAsync($"/admin/courier/messages?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("id").GetString().ShouldBe("malformed_request");
        body.RootElement.GetProperty("error").GetProperty("details").GetProperty("parameter").GetString().ShouldBe(parameter);
        body.RootElement.GetProperty("error").GetProperty("reason").GetString()!.ShouldContain(parameter);
    }

    [Fact]
    public async Task List_UnknownStatus_Answers400CourierMessageQueryInvalid()
    {
        using var response = await _server.Admin.GetAsync("/admin/courier/messages?status=delivered");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("id").GetString().ShouldBe("courier_message_query_invalid");
    }

    [Fact]
    public async Task List_PageSizeAbove1000_IsTakenAs1000()
    {
        using var response = await _server.Admin.GetAsync("/admin/courier/messages?page_size=5000");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        string.Join(',', response.Headers.GetValues("Link")).ShouldContain("page_size=1000");
    }

    [Fact]
    public async Task CourierRoutes_AreNotOnThePublicListener()
    {
        using var response = await _server.Public.GetAsync("/admin/courier/messages");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task<Guid> QueueAsync(string to) => _server.Services.GetRequiredService<CourierOutbox>()
        .QueueEmailAsync(CourierTemplateType.RecoveryCodeValid, to, new { RecoveryCode = "000111" });

    [GeneratedRegex("<([^>]+)>; rel=\"next\"")]
    private static partial Regex NextLink();
}

public sealed class SqliteAdminCourierEndpointsTests() : AdminCourierEndpointsTests(DatabaseKind.Sqlite);

public sealed class PostgresAdminCourierEndpointsTests() : AdminCourierEndpointsTests(DatabaseKind.Postgres);
