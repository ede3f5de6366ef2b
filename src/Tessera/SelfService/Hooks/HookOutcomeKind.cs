// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Hooks;

/// <summary>What a hook call meant for the flow; the execution log's <c>outcome</c> column.</summary>
internal enum HookOutcomeKind
{
    /// <summary>2xx: the flow goes on (with <c>response.parse</c>, with the identity changes applied).</summary>
    Succeeded,

    /// <summary>The hook answered with messages for the form: the flow is re-rendered with them (400).</summary>
    Refused,

    /// <summary>An interrupting hook failed without messages (502) or ran out of time (504): the flow stops.</summary>
    Aborted,

    /// <summary>A failure of a hook that cannot interrupt: logged, and the flow goes on.</summary>
    Failed,

    /// <summary><c>response.ignore</c>: sent in the background; the answer does not matter.</summary>
    Ignored,
}
