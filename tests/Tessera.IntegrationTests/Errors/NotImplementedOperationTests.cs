// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.Errors.NotImplemented;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Errors;

/// <summary>
/// Issue 22: a Kratos operation Tessera does not implement answers 501 <c>feature_not_implemented</c> naming the
/// feature, on the listener Kratos serves it on, instead of a 404 that reads like a wrong URL; the other listener still
/// answers 404, and a path Kratos does not have stays a 404.
/// </summary>
public sealed class NotImplementedOperationTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    public static TheoryData<string> Operations() => new(KratosOperationNotImplemented.All.Select(o => o.OperationId));

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task KratosOperation_TesseraLacks_Answers501FeatureNotImplemented(string operationId)
    {
        var operation = KratosOperationNotImplemented.All.Single(o => o.OperationId == operationId);
        var (method, path) = (operation.Method, operation.Path.Replace("{externalID}", "ext-1", StringComparison.Ordinal));
        var (own, other) = operation.IsAdmin ? (fixture.Server.Admin, fixture.Server.Public) : (fixture.Server.Public, fixture.Server.Admin);

        using var response = await own.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Headers = { { "Accept", "application/json" } } });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.NotImplemented, body);
        response.Headers.GetValues("Ory-Error-Id").ShouldBe(["feature_not_implemented"]);
        using var json = JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("error");
        error.GetProperty("id").GetString().ShouldBe("feature_not_implemented");
        error.GetProperty("code").GetInt32().ShouldBe(501);
        error.GetProperty("reason").GetString().ShouldBe($"Tessera does not implement {operation.Feature} yet.");

        using var elsewhere = await other.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task APathKratosDoesNotHave_StaysA404()
    {
        using var response = await fixture.Server.Public.GetAsync("/self-service/fed-cm/not-a-kratos-path");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
