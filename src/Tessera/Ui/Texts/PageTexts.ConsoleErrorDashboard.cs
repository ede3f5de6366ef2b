// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Texts;

/// <summary><c>/console/errors</c>: the operator console's error dashboard.</summary>
internal static partial class PageTexts
{
    public static readonly PageText ConsoleErrorsIntro = new("console.errors.intro", "Which error ids and UI message ids users hit, per flow and per endpoint, and how far each flow gets.");
    public static readonly PageText ConsoleErrorsWindow = new("console.errors.window", "Window:");
    public static readonly PageText ConsoleErrorsProject = new("console.errors.project", "Project:");
    public static readonly PageText ConsoleErrorsHour = new("console.errors.hour", "Last hour");
    public static readonly PageText ConsoleErrorsDay = new("console.errors.day", "Last day");
    public static readonly PageText ConsoleErrorsWeek = new("console.errors.week", "Last week");
    public static readonly PageText ConsoleErrorsOverTime = new("console.errors.over_time", "Over time");
    public static readonly PageText ConsoleErrorsChart = new("console.errors.chart", "{total} occurrences from {from} to {to}");
    public static readonly PageText ConsoleErrorsById = new("console.errors.by_id", "By error id and message id");
    public static readonly PageText ConsoleErrorsByFlow = new("console.errors.by_flow", "Per flow");
    public static readonly PageText ConsoleErrorsByEndpoint = new("console.errors.by_endpoint", "Per endpoint");
    public static readonly PageText ConsoleErrorsFunnel = new("console.errors.funnel", "Flow funnel");
    public static readonly PageText ConsoleErrorsCode = new("console.errors.code", "Id");
    public static readonly PageText ConsoleErrorsKind = new("console.errors.kind", "Kind");
    public static readonly PageText ConsoleErrorsKindError = new("console.errors.kind_error", "Error");
    public static readonly PageText ConsoleErrorsKindMessage = new("console.errors.kind_message", "UI message");
    public static readonly PageText ConsoleErrorsCount = new("console.errors.count", "Count");
    public static readonly PageText ConsoleErrorsEndpoint = new("console.errors.endpoint", "Endpoint");
    public static readonly PageText ConsoleErrorsCreated = new("console.errors.created", "Created");
    public static readonly PageText ConsoleErrorsSubmitted = new("console.errors.submitted", "Submitted");
    public static readonly PageText ConsoleErrorsSucceeded = new("console.errors.succeeded", "Succeeded");
    public static readonly PageText ConsoleErrorsFailedFlows = new("console.errors.failed_flows", "Failed at least once");
    public static readonly PageText ConsoleErrorsFailures = new("console.errors.failures", "Failures by id");
    public static readonly PageText ConsoleErrorsRecent = new("console.errors.recent", "Recent occurrences");
    public static readonly PageText ConsoleErrorsTime = new("console.errors.time", "Time");
    public static readonly PageText ConsoleErrorsRequestId = new("console.errors.request_id", "Request id");
    public static readonly PageText ConsoleErrorsFlowId = new("console.errors.flow_id", "Flow id");
    public static readonly PageText ConsoleErrorsBack = new("console.errors.back", "All errors");
}
