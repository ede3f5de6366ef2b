// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Ui.Messages;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// What the test process's servers emitted over the whole run, as <see cref="EmittedIdsRecorder"/> records it (error
/// ids and UI message ids; with <c>TESSERA_EMITTED_IDS</c> set, also appended to that file for test.sh's
/// catalog-alive check, which reads it after every test project has run; <c>tessera errors</c> lists the catalog).
/// <see cref="NotInCatalogs"/> names those the catalogs lack (CatalogAliveTests fails on them).
/// </summary>
public static class EmittedIds
{
    /// <summary>Ids an operator's web hook answers with in the hook tests: Kratos lets hooks send their own.</summary>
    public static readonly IReadOnlySet<int> WebHookMessageIds = new HashSet<int> { 4000123 };

    public static IReadOnlyCollection<string> ErrorIds => EmittedIdsRecorder.ErrorIds;

    public static IReadOnlyCollection<int> UiMessageIds => EmittedIdsRecorder.UiMessageIds;

    /// <summary>Starts listening (once per process); every test server calls it as it starts.</summary>
    public static void Start() => EmittedIdsRecorder.Start();

    public static IReadOnlyList<string> NotInCatalogs(IEnumerable<string> errorIds, IEnumerable<int> uiMessageIds) =>
        errorIds.Where(id => ErrorCatalog.Find(id) is null).Select(id => $"error {id}")
            .Concat(uiMessageIds.Where(id => UiMessages.Find(id) is null && !WebHookMessageIds.Contains(id)).Select(id => $"ui_message {id}"))
            .ToList();
}
