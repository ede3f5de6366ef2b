// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Methods.Code;

/// <summary>The fields of a recovery or verification submission that <see cref="CodeFlowSubmission"/> reads.</summary>
internal sealed record CodeFlowRequest(string? Method, string? Email, string? CsrfToken, string? CaptchaResponse);
