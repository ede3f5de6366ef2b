// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.Tests.Errors;

public sealed class ErrorCatalogTests
{
    [Fact]
    public void Catalog_Ids_AreUniqueSnakeCase()
    {
        ErrorCatalog.All.ShouldNotBeEmpty();
        ErrorCatalog.All.Select(e => e.Id).ShouldBeUnique();
        ErrorCatalog.All.ShouldAllBe(e => System.Text.RegularExpressions.Regex.IsMatch(e.Id, "^[a-z][a-z0-9]*(_[a-z0-9]+)*$"));
    }

    [Fact]
    public void Catalog_EveryEntry_HasStatusMessageCauseAndResolution()
    {
        foreach (var entry in ErrorCatalog.All)
        {
            entry.Status.ShouldBeInRange(400, 599, entry.Id);
            entry.Message.ShouldNotBeNullOrWhiteSpace(entry.Id);
            entry.Reason.ShouldNotBeNullOrWhiteSpace(entry.Id);
            entry.Cause.ShouldNotBeNullOrWhiteSpace(entry.Id);
            entry.Resolution.ShouldNotBeNullOrWhiteSpace(entry.Id);
        }
    }

    [Theory]
    [InlineData(400, "Client")]
    [InlineData(404, "Client")]
    [InlineData(429, "Failure")]
    [InlineData(500, "Error")]
    [InlineData(501, "Error")]
    [InlineData(502, "Failure")]
    [InlineData(503, "Failure")]
    [InlineData(504, "Failure")]
    public void Retry_DerivesFromStatus(int status, string expected) =>
        new ErrorDescriptor("x", status, "m", "r", "c", "s").Retry.ToString().ShouldBe(expected);

    [Fact]
    public void Catalog_ReasonPlaceholders_AreSnakeCaseContextKeys()
    {
        foreach (var entry in ErrorCatalog.All)
        {
            entry.ReasonKeys.ShouldAllBe(k => System.Text.RegularExpressions.Regex.IsMatch(k, "^[a-z][a-z0-9_]*$"), entry.Id);
        }
    }

    [Theory]
    [InlineData("unsupported_media_type", 415)]
    [InlineData("payload_too_large", 413)]
    [InlineData("request_header_fields_too_large", 431)]
    [InlineData("malformed_request", 400)]
    [InlineData("rate_limit_exceeded", 429)]
    [InlineData("upstream_timeout", 504)]
    [InlineData("upstream_error", 502)]
    [InlineData("not_found", 404)]
    [InlineData("method_not_allowed", 405)]
    [InlineData("internal_server_error", 500)]
    [InlineData("service_unavailable", 503)]
    [InlineData("self_service_error_not_found", 404)]
    [InlineData("self_service_error_forbidden", 403)]
    [InlineData("credentials_invalid", 400)]
    [InlineData("feature_not_implemented", 501)]
    public void Catalog_Contains(string id, int status) => ErrorCatalog.Find(id)!.Status.ShouldBe(status);

    [Fact]
    public void Catalog_KratosIds_KeepKratosStatuses()
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Reference, "kratos-error-ids.json")));
        foreach (var kratos in document.RootElement.EnumerateArray())
        {
            var id = kratos.GetProperty("id").GetString()!;
            if (Tessera.Errors.Documentation.UndefinedErrorIds.All.Any(u => u.Id == id))
            {
                ErrorCatalog.Find(id).ShouldBeNull($"{id} is listed as not in the catalog");
                continue;
            }

            var entry = ErrorCatalog.Find(id);
            entry.ShouldNotBeNull($"Kratos id {id} is missing from the catalog");
            entry.Status.ShouldBe(kratos.GetProperty("status").GetInt32(), id);
        }
    }

    [Fact]
    public void Reason_WithContext_IsRenderedFromTheTemplate()
    {
        var error = ErrorCatalog.PayloadTooLarge.With(new Dictionary<string, object?> { ["limit_bytes"] = 1048576L });

        error.EffectiveReason.ShouldContain("1048576");
        error.EffectiveReason.ShouldNotContain("{limit_bytes}");
    }

    [Fact]
    public void Docs_CommittedErrorsMd_MatchesTheCatalog()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "errors.md"));

        // Regenerate with `tessera errors > docs/errors.md` when this fails.
        committed.ShouldBe(Tessera.Errors.Documentation.ErrorReferenceMarkdown.Generate());
    }

    [Fact]
    public void Docs_DocumentEveryErrorIdAndUiMessageId()
    {
        var docs = Tessera.Errors.Documentation.ErrorReferenceMarkdown.Generate();

        ErrorCatalog.All.ShouldAllBe(e => docs.Contains($"<a id=\"{e.DocAnchor}\"></a>`{e.Id}`"));
        Tessera.Ui.Messages.UiMessages.All.ShouldAllBe(m => docs.Contains($"| {m.Id} |"));
    }
}
