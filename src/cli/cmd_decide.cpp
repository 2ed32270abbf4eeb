#include "cli_common.h"
#include "commands.h"

#include "routing/router.h"
#include "json/canonical_json.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gw::cli {

namespace {

std::optional<double> parseRate(const QString &text, const QString &option, int *exit)
{
    bool ok = false;
    const double rate = text.toDouble(&ok);
    if (!ok || rate < 0 || rate > 1) {
        *exit = usageError(u"--%1 takes a fraction from 0 to 1, not \"%2\""_qs.arg(option, text));
        return std::nullopt;
    }
    return rate;
}

} // namespace

int runDecide(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"CONFIG"_qs, u"The routing config."_qs);
    const QCommandLineOption model(u"model"_qs, u"Requested model (OpenRouter id)."_qs, u"M"_qs);
    const QCommandLineOption user(u"user"_qs, u"User id."_qs, u"U"_qs);
    const QCommandLineOption task(u"task"_qs, u"Task id (the sticky key when sticky_key is task_or_user)."_qs, u"T"_qs);
    const QCommandLineOption provider(u"provider"_qs, u"Provider slug in the request's provider.order (repeatable)."_qs,
                                      u"SLUG"_qs);
    const QCommandLineOption only(u"only"_qs, u"Provider slug in provider.only (repeatable)."_qs, u"SLUG"_qs);
    const QCommandLineOption ignore(u"ignore"_qs, u"Provider slug in provider.ignore (repeatable)."_qs, u"SLUG"_qs);
    const QCommandLineOption feature(u"feature"_qs, u"Client feature name (repeatable)."_qs, u"NAME"_qs);
    const QCommandLineOption orRate(u"openrouter-error-rate"_qs,
                                    u"OpenRouter's error rate over the failover window."_qs, u"R"_qs);
    const QCommandLineOption vRate(u"vercel-error-rate"_qs, u"Vercel's error rate over the failover window."_qs,
                                   u"R"_qs);
    const QCommandLineOption now(u"now"_qs, u"The clock, RFC 3339 (default: now)."_qs, u"RFC3339"_qs);
    const QCommandLineOption explain(u"explain"_qs, u"Add the decision's steps (\"why\")."_qs);
    parser.addOptions({model, user, task, provider, only, ignore, feature, orRate, vRate, now, explain});
    if (const auto exit = parseCommandLine(parser, args, u"Decide one request under a routing config."_qs, 1, 1))
        return *exit;
    if (!parser.isSet(model))
        return usageError(u"decide: --model is required"_qs);
    if (!parser.isSet(user) && !parser.isSet(task))
        return usageError(u"decide: give --user, --task or both"_qs);
    if (parser.isSet(orRate) != parser.isSet(vRate))
        return usageError(u"decide: give both error rates or neither"_qs);

    RouteRequest request;
    request.model = parser.value(model);
    request.user = parser.value(user);
    request.task = parser.value(task);
    request.provider.order = parser.values(provider);
    request.provider.only = parser.values(only);
    request.provider.ignore = parser.values(ignore);
    request.features = parser.values(feature);
    int exit = ExitOk;
    if (parser.isSet(orRate)) {
        request.openrouterErrorRate = parseRate(parser.value(orRate), orRate.names().first(), &exit);
        request.vercelErrorRate = parseRate(parser.value(vRate), vRate.names().first(), &exit);
        if (exit != ExitOk)
            return exit;
    }
    if (const auto exit = readTimeOption(parser, now, u"decide"_qs, request.now))
        return *exit;

    const auto config = loadConfigOrReport(parser.positionalArguments().first());
    if (!config)
        return ExitInvalidInput;
    const Router router(*config);
    QList<DecisionStep> steps;
    const Decision d = router.decide(request, parser.isSet(explain) ? &steps : nullptr);
    QJsonObject result{{u"gateway"_qs, gatewayName(d.gateway)},
                       {u"upstream_model"_qs, d.upstreamModel},
                       {u"bucket"_qs, d.bucket.value()},
                       {u"share"_qs, d.share()},
                       {u"reason"_qs, d.reasonCode()}};
    if (parser.isSet(explain)) {
        QJsonArray why;
        for (const DecisionStep &s : steps)
            why.append(QJsonObject{{u"step"_qs, s.step}, {u"detail"_qs, s.detail}});
        result.insert(u"why"_qs, why);
    }
    out() << QString::fromUtf8(canonicalJson(result));
    return ExitOk;
}

} // namespace gw::cli
