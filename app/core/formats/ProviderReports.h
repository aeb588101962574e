#pragma once

#include "model/ProviderUsage.h"
#include "support/Result.h"

#include <QByteArray>

// The providers' usage and cost reports, one page at a time, read into rows of exact integers: tokens as counts,
// money in micro-units, never through a double. What a page says beyond the documented shape is ignored; what it
// says against it (a negative count, a cached count above the input, an amount that is not a number) refuses the
// page in one sentence, so that a sync keeps what it had rather than half a page.
namespace ProviderReports {

// Anthropic, GET /v1/organizations/usage_report/messages with daily buckets, grouped by api_key_id and model; the
// read-only report (GET /v1/organizations/analytics/usage_report, grouped by model) has the same shape and no key.
Result<ReportPage<ProviderUsageRow>> anthropicUsage(const QByteArray& body);
// OpenAI, GET /v1/organization/usage/completions with daily buckets, grouped by api_key_id and model.
Result<ReportPage<ProviderUsageRow>> openAiUsage(const QByteArray& body);
// OpenAI, GET /v1/organization/usage/images with daily buckets, grouped by api_key_id and model.
Result<ReportPage<ProviderUsageRow>> openAiImages(const QByteArray& body);
// Anthropic, GET /v1/organizations/cost_report: each amount a decimal text in cents; the read-only report (GET
// /v1/organizations/analytics/cost_report, grouped by model, cost type and token type) alike.
Result<ReportPage<ProviderCostRow>> anthropicCost(const QByteArray& body);
// OpenAI, GET /v1/organization/costs grouped by line_item and api_key_id: each amount.value in dollars, a JSON
// number read from its text.
Result<ReportPage<ProviderCostRow>> openAiCost(const QByteArray& body);

// The organisation's keys: Anthropic, GET /v1/organizations/api_keys (partial_key_hint); OpenAI, GET
// /v1/organization/projects/{id}/api_keys (redacted_value). The next page is the last id, when there are more.
Result<ReportPage<ProviderKeyName>> anthropicKeys(const QByteArray& body);
Result<ReportPage<ProviderKeyName>> openAiProjectKeys(const QByteArray& body);
// OpenAI's projects, GET /v1/organization/projects, as ids and names (whose keys are listed per project).
Result<ReportPage<ProviderKeyName>> openAiProjects(const QByteArray& body);

} // namespace ProviderReports
