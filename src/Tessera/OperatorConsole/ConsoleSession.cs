// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OperatorConsole;

/// <summary>
/// A signed-in console browser. <see cref="CsrfToken"/> is derived from the cookie's token, so it exists only in
/// memory while the request runs: a page embeds it in its forms, and a forged cross-site form cannot know it.
/// </summary>
internal sealed record ConsoleSession(Guid Id, Guid? ApiKeyId, DateTimeOffset ExpiresAt, string CsrfToken);
