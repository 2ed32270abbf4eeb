#include "sim_lookups.h"

#include "sim_chat.h" // formatUsd

#include <QDateTime>
#include <QJsonArray>

namespace gw::sim {

namespace {

constexpr int kFreeModelDailyLimit = 1000; // OpenRouter's daily ":free" quota for accounts with credits

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonObject generationJson(Gateway gateway, const QString &id, const SimGeneration &g)
{
    QJsonObject data{{u"id"_qs, id},
                     {u"total_cost"_qs, g.costUsd},
                     {u"tokens_prompt"_qs, g.promptTokens},
                     {u"tokens_completion"_qs, g.completionTokens},
                     {u"native_tokens_prompt"_qs, g.promptTokens},
                     {u"native_tokens_completion"_qs, g.completionTokens},
                     {u"latency"_qs, g.latencyMs},
                     {u"generation_time"_qs, g.generationTimeMs},
                     {u"provider_name"_qs, g.providerName},
                     {u"is_byok"_qs, false}};
    if (gateway == Gateway::Vercel)
        return data;

    const QJsonValue null(QJsonValue::Null);
    const QJsonObject attempt{{u"provider_name"_qs, g.providerName},
                              {u"status"_qs, 200},
                              {u"latency"_qs, g.latencyMs},
                              {u"is_byok"_qs, false}};
    const QString createdAt = QDateTime::fromSecsSinceEpoch(g.createdUnix, Qt::UTC).toString(Qt::ISODate);
    const std::initializer_list<std::pair<QString, QJsonValue>> more{
        {u"model"_qs, g.model},
        {u"created_at"_qs, createdAt},
        {u"api_type"_qs, u"completions"_qs},
        {u"streamed"_qs, g.streamed},
        {u"cancelled"_qs, false},
        {u"finish_reason"_qs, u"stop"_qs},
        {u"native_finish_reason"_qs, u"stop"_qs},
        {u"native_tokens_reasoning"_qs, g.reasoningTokens},
        {u"native_tokens_cached"_qs, 0},
        {u"usage"_qs, g.costUsd},              // credits charged: the whole cost (never BYOK)
        {u"upstream_inference_cost"_qs, null}, // BYOK only
        {u"cache_discount"_qs, null},          // no prompt cache in the simulator
        {u"data_region"_qs, u"global"_qs},
        {u"origin"_qs, g.httpReferer},
        {u"http_referer"_qs, stringOrNull(g.httpReferer)},
        {u"user_agent"_qs, stringOrNull(g.userAgent)},
        {u"provider_responses"_qs, QJsonArray{attempt}}, // one attempt, and it served
        // What the simulator has no notion of: apps, presets, workspaces, moderation, tools,
        // media, the upstream's own id, service tiers.
        {u"app_id"_qs, null},
        {u"preset_id"_qs, null},
        {u"workspace_id"_qs, null},
        {u"external_user"_qs, null},
        {u"router"_qs, null},
        {u"moderation_latency"_qs, null},
        {u"num_fetches"_qs, null},
        {u"num_search_results"_qs, null},
        {u"web_search_engine"_qs, null},
        {u"num_media_prompt"_qs, null},
        {u"num_media_completion"_qs, null},
        {u"num_input_audio_prompt"_qs, null},
        {u"native_tokens_completion_images"_qs, null},
        {u"upstream_id"_qs, null},
        {u"service_tier"_qs, null}};
    for (const auto &[key, value] : more)
        data.insert(key, value);
    return data;
}

QJsonObject openrouterKeyJson(double spentUsd, double limitUsd, int freeModelRequests)
{
    const QJsonValue null(QJsonValue::Null);
    const QJsonObject freeRequests{{u"limit"_qs, kFreeModelDailyLimit},
                                   {u"used"_qs, freeModelRequests},
                                   {u"remaining"_qs, std::max(0, kFreeModelDailyLimit - freeModelRequests)}};
    const QJsonObject rateLimit{
        {u"requests"_qs, -1}, {u"interval"_qs, u"10s"_qs}, {u"note"_qs, u"deprecated: always -1"_qs}};
    return QJsonObject{{u"label"_qs, u"sk-or-v1-sim...ocal"_qs},
                       {u"usage"_qs, spentUsd},
                       {u"usage_daily"_qs, spentUsd},
                       {u"usage_weekly"_qs, spentUsd},
                       {u"usage_monthly"_qs, spentUsd},
                       {u"byok_usage"_qs, 0},
                       {u"byok_usage_daily"_qs, 0},
                       {u"byok_usage_weekly"_qs, 0},
                       {u"byok_usage_monthly"_qs, 0},
                       {u"include_byok_in_limit"_qs, false},
                       {u"limit"_qs, limitUsd},
                       {u"limit_remaining"_qs, limitUsd - spentUsd},
                       {u"limit_reset"_qs, null},
                       {u"expires_at"_qs, null},
                       {u"is_free_tier"_qs, false},
                       {u"is_management_key"_qs, false},
                       {u"is_provisioning_key"_qs, false},
                       {u"allowed_data_regions"_qs, QJsonArray{u"global"_qs}},
                       {u"free_model_daily_requests"_qs, freeRequests},
                       {u"rate_limit"_qs, rateLimit},
                       {u"creator_user_id"_qs, u"user_sim_local"_qs},
                       {u"organization_id"_qs, null},
                       {u"workspace_id"_qs, null}};
}

QJsonObject vercelCreditsJson(double balanceUsd, double spentUsd)
{
    return QJsonObject{{u"balance"_qs, formatUsd(balanceUsd)}, {u"total_used"_qs, formatUsd(spentUsd)}};
}

} // namespace gw::sim
