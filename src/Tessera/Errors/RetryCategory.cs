// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// What a client should do with an error (seed 003's categories): <c>client</c> (4xx: fix the request, do not
/// retry), <c>failure</c> (502-504: a dependency failed, retry with back-off), <c>error</c> (500-501: retry once).
/// </summary>
internal enum RetryCategory
{
    Client,
    Failure,
    Error,
}
