// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Flows;

namespace Tessera.SelfService.Methods.Code;

/// <summary>What recovery and verification each do in their own way at the steps the code method shares.</summary>
internal interface ICodeFlowSteps
{
    Task<IResult> SendCodeAsync(HttpContext context, Flow flow, string? email, string? captchaResponse, CancellationToken cancellationToken);

    Task<IResult> RerenderAsync(HttpContext context, Flow flow, int status, CancellationToken cancellationToken);
}
