// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Occurrences;

/// <summary>The funnel's steps (column <c>step</c> of <c>flow_funnel_steps</c>).</summary>
internal static class FunnelSteps
{
    public const string Created = "created";
    public const string Submitted = "submitted";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
