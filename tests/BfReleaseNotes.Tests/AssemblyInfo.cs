using ApprovalTests.Reporters;

// ApprovalTests needs a reporter; a quiet one keeps CI headless.
[assembly: UseReporter(typeof(QuietReporter))]
