// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// One entry of the error catalog: a stable id (Kratos's where Kratos has one), the HTTP status, a short
/// message for users, the default reason (what went wrong in this case), and for operators the cause and the
/// resolution. The id doubles as the anchor of the error's documentation.
/// </summary>
internal sealed record ErrorDescriptor(
    string Id,
    int Status,
    string Message,
    string Reason,
    string Cause,
    string Resolution)
{
    /// <summary>Derived from the status as seed 003 does: 502-504 failure, 500-501 error, everything else client.</summary>
    public RetryCategory Retry => Status switch
    {
        >= 502 and <= 504 => RetryCategory.Failure,
        >= 500 => RetryCategory.Error,
        _ => RetryCategory.Client,
    };
}
