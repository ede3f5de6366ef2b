// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Hosting;

public sealed class RequestIdTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    [Theory]
    [InlineData("/health/alive")]
    [InlineData("/no/such/path")]
    public async Task Response_WithoutRequestId_CarriesAGeneratedOne(string path)
    {
        using var response = await fixture.Server.Public.GetAsync(path);

        response.Headers.GetValues("X-Request-Id").Single().ShouldMatch("^[0-9a-f]{32}$");
    }

    [Fact]
    public async Task Response_WithSuppliedRequestId_EchoesItInHeaderAndError()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no/such/path");
        request.Headers.Add("X-Request-Id", "trace-42.abc");

        using var response = await fixture.Server.Public.SendAsync(request);

        response.Headers.GetValues("X-Request-Id").ShouldBe(["trace-42.abc"]);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("request").GetString().ShouldBe("trace-42.abc");
    }

    [Fact]
    public async Task Response_WithUnsafeRequestId_ReplacesIt()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/alive");
        request.Headers.TryAddWithoutValidation("X-Request-Id", new string('x', 500));

        using var response = await fixture.Server.Admin.SendAsync(request);

        response.Headers.GetValues("X-Request-Id").Single().ShouldMatch("^[0-9a-f]{32}$");
    }
}
