// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Projects.Overlays;

/// <summary>
/// RFC 7396 JSON merge patch on an overlay: a member set to null removes the key, an object merges into the object
/// there, anything else replaces. Objects the patch leaves empty are dropped, so removing a project's last
/// <c>session.*</c> key removes <c>session</c> too and the overlay stays the list of keys it sets.
/// </summary>
internal static class JsonMergePatch
{
    public static JsonObject Apply(JsonObject target, JsonObject patch)
    {
        var result = (JsonObject)target.DeepClone();
        Merge(result, patch);
        return result;
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject inner)
            {
                var child = target[key] as JsonObject ?? [];
                target[key] = null;
                Merge(child, inner);
                if (child.Count == 0)
                {
                    target.Remove(key);
                }
                else
                {
                    target[key] = child;
                }
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
