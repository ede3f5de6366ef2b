// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.Tests.Errors;

/// <summary>Issue 22: a transient refusal never tells a client not to retry (DESIGN.md, retry category of 429).</summary>
public sealed class RetryCategoryTests
{
    [Fact]
    public void Catalog_TryLaterEntries_AreNeverClient()
    {
        var tryLater = ErrorCatalog.All.Where(e => e.Status is 429 or 502 or 503 or 504 || e.ReasonKeys.Contains("retry_after_seconds")).ToList();

        tryLater.ShouldContain(e => e.Id == "rate_limit_exceeded");
        tryLater.Where(e => e.Retry == RetryCategory.Client).Select(e => e.Id).ShouldBeEmpty();
    }

    [Fact]
    public void RateLimitExceeded_IsFailure() => ErrorCatalog.RateLimitExceeded.Retry.ShouldBe(RetryCategory.Failure);

    [Fact]
    public void Occurrence_WithRetryAfter_IsNeverClient()
    {
        var refusal = new TesseraError(ErrorCatalog.ValidationFailed) { RetryAfterSeconds = 30 };

        ErrorCatalog.ValidationFailed.Retry.ShouldBe(RetryCategory.Client);
        refusal.Retry.ShouldBe(RetryCategory.Failure);
        new TesseraError(ErrorCatalog.InternalServerError) { RetryAfterSeconds = 5 }.Retry.ShouldBe(RetryCategory.Error);
    }

    [Fact]
    public void Docs_RecordTheDecision()
    {
        var docs = Tessera.Errors.Documentation.ErrorReferenceMarkdown.Generate();

        docs.ShouldContain("`failure`: 429, 502, 503, 504, and any answer that carries `Retry-After`");
    }
}
