// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// What checking a submitted code came to: the challenge it answered (now used), or nothing, and whether the flow had
/// already used up its guesses (<c>max_submissions</c>), in which case the flow is replaced rather than re-rendered.
/// </summary>
internal sealed record CodeCheck(CodeChallenge? Passed, bool Exhausted)
{
    public static readonly CodeCheck Wrong = new(null, false);

    public static readonly CodeCheck TooManyGuesses = new(null, true);
}
