// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Identities.Admin;

/// <summary>
/// <c>PATCH /admin/identities</c>: creates every <c>create</c> patch on its own, so an invalid or conflicting
/// item becomes an <c>error</c> result while the others are written.
/// </summary>
internal static class BatchPatch
{
    public static async Task<BatchPatchResponse> RunAsync(JsonArray patches, IdentityManager manager, CancellationToken cancellationToken)
    {
        var items = new BatchPatchItemResponse?[patches.Count];
        var drafts = new List<(int Index, Guid? PatchId, IdentityDraft Draft)>();
        for (var i = 0; i < patches.Count; i++)
        {
            var patch = patches[i] as JsonObject;
            Guid? patchId = Guid.TryParse(patch?["patch_id"]?.ToString(), out var pid) ? pid : null;
            var (draft, invalid) = IdentityDraftParser.Parse(patch?["create"]);
            if (draft is null)
            {
                var error = AdminRequestBody.Malformed(patch?["create"] is null ? "the patch has no create" : invalid!).Error;
                items[i] = new BatchPatchItemResponse("error", null, patchId, BatchPatchError.From(error));
                continue;
            }

            drafts.Add((i, patchId, draft));
        }

        var results = await manager.CreateManyAsync(drafts.Select(d => d.Draft).ToList(), cancellationToken);
        for (var n = 0; n < drafts.Count; n++)
        {
            var (index, patchId, _) = drafts[n];
            items[index] = results[n].Succeeded
                ? new BatchPatchItemResponse("create", results[n].Value!.Id, patchId, null)
                : new BatchPatchItemResponse("error", null, patchId, BatchPatchError.From(results[n].Error!));
        }

        return new BatchPatchResponse(items.Select(i => i!).ToList());
    }
}
