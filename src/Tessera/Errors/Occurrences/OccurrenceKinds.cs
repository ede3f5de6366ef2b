// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Occurrences;

/// <summary>The two kinds of id an occurrence names (column <c>kind</c>).</summary>
internal static class OccurrenceKinds
{
    /// <summary>A catalog error id (<c>session_inactive</c>).</summary>
    public const string Error = "error";

    /// <summary>A UI message id on a flow answer (<c>4000006</c>).</summary>
    public const string Message = "message";
}
