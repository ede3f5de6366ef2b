// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Occurrences;

/// <summary>Failed submissions of one flow kind with one error id or UI message id.</summary>
internal sealed record FunnelFailure(string ErrorId, long Count);
