// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Hosting;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Errors;

/// <summary>
/// Garbage sent to every endpoint the application maps (enumerated from its EndpointDataSource, so endpoints added
/// later are covered without editing this test) never yields a 5xx, and every error carries its catalog id.
/// </summary>
public sealed class BadInputTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private static readonly string[] Garbage = ["' OR 1=1 --", "null", "%00", "\u00ff\u00fe", "../../etc/passwd", "<script>alert(1)</script>", "9999999999999999999999"];

    [Fact]
    public async Task EveryEndpoint_WithGarbage_NeverAnswers5xx_AndErrorsCarryACatalogId()
    {
        var endpoints = fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.ShouldNotBeEmpty();
        var failures = new List<string>();

        foreach (var endpoint in endpoints)
        {
            var surfaces = endpoint.Metadata.GetMetadata<SurfaceMetadata>()?.Surfaces ?? Surface.None;
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var client in Clients(surfaces))
            {
                foreach (var method in methods.Concat(["POST", "PUT", "DELETE", "PATCH"]).Distinct())
                {
                    foreach (var garbage in Garbage)
                    {
                        foreach (var request in Requests(method, Path(endpoint, garbage), garbage))
                        {
                            using (request)
                            {
                                var description = $"{method} {request.RequestUri} ({request.Content?.Headers.ContentType})";
                                using var response = await client.SendAsync(request);
                                Check(response, description, failures);
                            }
                        }
                    }
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("PATCH", "/admin/identities", "false", "not a boolean")]
    [InlineData("PATCH", "/admin/identities", "\"a string\"", "not a string")]
    [InlineData("PATCH", "/admin/identities", "0.0", "not a number")]
    [InlineData("PATCH", "/admin/identities/", "[{\"op\":\"replace\",\"path\":\"/state\",\"value\":\"inactive\"}]", "id in the path is empty")]
    [InlineData("POST", "/admin/identities", "{\"schema_id\":\"default\",\"schema_id\":\"x\",\"traits\":{}}", "duplicate key")]
    [InlineData("PUT", "/admin/identities/00000000-0000-0000-0000-000000000001", "{\"traits\":{\"email\":\"a@b.c\",\"email\":\"d@e.f\"}}", "duplicate key")]
    public async Task AdminIdentities_MalformedBody_Answers400MalformedRequestNamingTheProblem(string method, string path, string body, string problem)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        using var response = await fixture.Server.Admin.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("malformed_request");
        (await response.Content.ReadAsStringAsync()).ShouldContain(problem);
    }

    [Fact]
    public async Task Body_Over1MiB_Answers413WithCatalogError()
    {
        using var content = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        content.Headers.ContentType = new("application/json");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/self-service/errors?id=stub:500") { Content = content };
        request.Headers.ExpectContinue = true;

        using var response = await fixture.Server.Public.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("payload_too_large");
    }

    [Fact]
    public async Task Cookie64KiB_Answers431WithCatalogError()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/alive");
        request.Headers.Add("Cookie", "big=" + new string('a', 64 * 1024));

        using var response = await fixture.Server.Public.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestHeaderFieldsTooLarge);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("request_header_fields_too_large");
        (await response.Content.ReadAsStringAsync()).ShouldContain("request_header_fields_too_large");
    }

    [Theory]
    [InlineData("/no/such/route", "GET", 404, "not_found")]
    [InlineData("/self-service/errors", "DELETE", 405, "method_not_allowed")]
    public async Task UnknownRouteOrWrongMethod_AnswersCatalogError(string path, string method, int status, string id)
    {
        using var response = await fixture.Server.Public.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        ((int)response.StatusCode).ShouldBe(status);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe(id);
        if (status == 405)
        {
            response.Content.Headers.Allow.ShouldContain("GET");
        }
    }

    private IEnumerable<HttpClient> Clients(Surface surfaces)
    {
        if (surfaces.HasFlag(Surface.Public))
        {
            yield return fixture.Server.Public;
        }

        if (surfaces.HasFlag(Surface.Admin))
        {
            yield return fixture.Server.Admin;
        }
    }

    private static string Path(RouteEndpoint endpoint, string garbage)
    {
        var path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => Uri.EscapeDataString(garbage),
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => string.Empty,
        }))));
        return $"{path}?id={Uri.EscapeDataString(garbage)}&flow={Uri.EscapeDataString(garbage)}&return_to={Uri.EscapeDataString(garbage)}";
    }

    private static IEnumerable<HttpRequestMessage> Requests(string method, string path, string garbage)
    {
        HttpRequestMessage With(HttpContent? content, Action<HttpRequestMessage>? headers = null)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
            headers?.Invoke(request);
            return request;
        }

        static HttpContent Bytes(byte[] bytes, string contentType)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return content;
        }

        yield return With(null);
        yield return With(null, r => r.Headers.TryAddWithoutValidation("Accept", "text/html"));
        yield return With(null, r => r.Headers.TryAddWithoutValidation("Accept", "application/problem+json"));
        if (method is "GET" or "DELETE")
        {
            yield break;
        }

        yield return With(Bytes("{\"method\":\"password\",\"traits\":{\"email\":"u8.ToArray(), "application/json"));
        yield return With(Bytes(Encoding.UTF8.GetBytes($"{{\"traits\":null,\"method\":{System.Text.Json.JsonSerializer.Serialize(garbage)},\"csrf_token\":[]}}"), "application/json"));
        yield return With(Bytes("null"u8.ToArray(), "application/json"));
        // Valid JSON whose root is not an object, and an object with a duplicate key: both once reached handlers as 500s.
        foreach (var root in new[] { "false", "\"a string\"", "0.0", "[]", "[{}]", "{\"identities\":[],\"identities\":1}", "{\"traits\":{\"email\":\"a@b.c\",\"email\":\"d@e.f\"}}" })
        {
            yield return With(Bytes(Encoding.UTF8.GetBytes(root), "application/json"));
        }

        yield return With(Bytes([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d], "application/json"));
        yield return With(Bytes([0xff, 0xfe, 0xfd], "application/x-www-form-urlencoded"));
        yield return With(Bytes(Encoding.UTF8.GetBytes($"traits.email={Uri.EscapeDataString(garbage)}&traits=x&%ZZ"), "application/x-www-form-urlencoded"));
        yield return With(Bytes("hello"u8.ToArray(), "text/plain"));
        yield return With(Bytes("--x\r\n"u8.ToArray(), "multipart/form-data; boundary=x"));
        yield return With(Bytes("{}"u8.ToArray(), "application/json; charset=nonsense"));
        yield return With(Bytes("{}"u8.ToArray(), ";;;"));
        // Expect: 100-continue lets the server refuse the body before it is sent (as browsers' large uploads do);
        // otherwise the early 413 races the client's writes and the client sees a broken pipe instead.
        yield return With(Bytes(new byte[2 * 1024 * 1024], "application/json"), r => r.Headers.ExpectContinue = true);
        yield return With(null, r => r.Headers.TryAddWithoutValidation("Cookie", "csrf_token=" + new string('x', 64 * 1024)));
    }

    private static void Check(HttpResponseMessage response, string description, List<string> failures)
    {
        var status = (int)response.StatusCode;
        var errorId = response.Headers.TryGetValues("Ory-Error-Id", out var ids) ? ids.FirstOrDefault() : null;

        // A Kratos operation Tessera does not implement yet answers 501 feature_not_implemented whatever it is sent:
        // a deliberate, catalogued answer, not a failure.
        if (status == 501 && errorId == "feature_not_implemented")
        {
            return;
        }

        if (status >= 500)
        {
            failures.Add($"{description} -> {status}");
        }
        else if (status >= 400 && !response.Headers.Contains("Ory-Error-Id") && response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            failures.Add($"{description} -> {status} without Ory-Error-Id");
        }
    }
}
