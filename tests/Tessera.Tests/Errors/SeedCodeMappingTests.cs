// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Errors.Documentation;

namespace Tessera.Tests.Errors;

/// <summary>
/// Issue 19, acceptance 4: seed 000's row B4 and every seed-002 <c>oauth:*</c> and seed-003 <c>PROVIDER_*</c> /
/// <c>VALIDATION_*_USER_DATA</c> code (TestData/seed-codes-social-sign-in.md, copied from the seeds) maps to one id in
/// docs/errors.md. A mapped catalog id is in the list <c>tessera errors --ids</c> prints, which test.sh's catalog-alive
/// check requires every test run to have emitted; the one start-up meaning (<c>invalid_configuration</c>) is produced by
/// OidcOptionsTests.Bind_BadProvider_StopsStartUpWithTheKeyPath.
/// </summary>
public sealed class SeedCodeMappingTests
{
    private static readonly IReadOnlyList<string> SeedCodes = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "seed-codes-social-sign-in.md"))
        .Where(line => line.StartsWith("| seed 0", StringComparison.Ordinal))
        .Select(line => line.Split('|', StringSplitOptions.TrimEntries)[2])
        .ToList();

    [Fact]
    public void SeedFile_HoldsTheFamilies()
    {
        SeedCodes.ShouldContain("B4");
        SeedCodes.Count(c => c.StartsWith("oauth:", StringComparison.Ordinal)).ShouldBe(15);
        SeedCodes.Count(c => c.StartsWith("PROVIDER_", StringComparison.Ordinal)).ShouldBe(8);
        SeedCodes.ShouldContain("VALIDATION_MISSING_USER_DATA");
        SeedCodes.ShouldContain("VALIDATION_INVALID_USER_DATA");
    }

    [Fact]
    public void EverySeedCode_IsMappedToExactlyOneId()
    {
        foreach (var code in SeedCodes)
        {
            SeedCodeSection.All.Count(m => m.Code.Code == code).ShouldBe(1, $"seed code {code} must map to exactly one id");
        }

        // And nothing of these families is mapped that the seeds do not have (a typo would hide a missing mapping).
        var families = SeedCodeSection.All.Select(m => m.Code.Code)
            .Where(c => c == "B4" || c.StartsWith("oauth:", StringComparison.Ordinal) || c.StartsWith("PROVIDER_", StringComparison.Ordinal) || c.EndsWith("_USER_DATA", StringComparison.Ordinal));
        families.ShouldBeSubsetOf(SeedCodes);
    }

    [Fact]
    public void EveryMappedId_IsACatalogIdTestsMustEmit_OrTheStartUpCheck()
    {
        var catalogIds = ErrorCatalog.All.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, id, inCatalog) in SeedCodeSection.All.Where(m => SeedCodes.Contains(m.Code.Code)))
        {
            if (inCatalog)
            {
                // `tessera errors --ids` lists the catalog: the catalog-alive check fails the run unless a test emitted it.
                catalogIds.ShouldContain(id, code.Code);
                continue;
            }

            // Not an answer: the configuration is refused at start-up, naming the key (OidcOptionsTests).
            id.ShouldBe("invalid_configuration", code.Code);
            UndefinedErrorIds.All.Select(u => u.Id).ShouldContain(id);
        }
    }

    [Fact]
    public void GeneralIds_SayHowTheyCarryTheMeaning()
    {
        var general = new[] { "oauth:email_already_exists", "oauth:email_not_verified", "oauth:handle_required", "oauth:invalid_auth_url", "oauth:invalid_image_url", "oauth:invalid_redirect_url", "oauth:invalid_token_url" };

        foreach (var code in general)
        {
            SeedCodeSection.All.Single(m => m.Code.Code == code).Code.Note.ShouldNotBeNullOrWhiteSpace(code);
        }
    }

    [Fact]
    public void Docs_NameEachSeedCodeBesideItsId()
    {
        var docs = ErrorReferenceMarkdown.Generate();

        foreach (var (code, id, inCatalog) in SeedCodeSection.All)
        {
            docs.ShouldContain($"| `{code.Code}` | {(inCatalog ? $"[`{id}`](#{id})" : $"`{id}`")}", Case.Sensitive, code.Code);
        }

        docs.ShouldContain("<a id=\"browser_location_change_required\"></a>`browser_location_change_required`<br>Seed codes: `B4`");
    }
}
