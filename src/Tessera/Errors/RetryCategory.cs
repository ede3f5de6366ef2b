// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// What a client should do with an error (seed 003's categories): <c>client</c> (4xx: fix the request, do not
/// retry), <c>failure</c> (429 and 502-504, and any answer carrying <c>Retry-After</c>: a transient refusal, retry later
/// with back-off, not before <c>Retry-After</c>), <c>error</c> (500-501: retry once). DESIGN.md decided that a
/// "try later" refusal is <c>failure</c> rather than a fourth category, so seed 003's clients understand it unchanged.
/// </summary>
internal enum RetryCategory
{
    Client,
    Failure,
    Error,
}
