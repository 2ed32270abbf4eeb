#include "planner/ramp_plan.h"

#include "config/config_io.h"
#include "json/json_source.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace gw {

namespace {

// Messages the user reads in the Planner. A class with this context (rather than a helper taking
// a char pointer) is what lupdate can see, so the app's translation covers them.
struct RampPlanText {
    Q_DECLARE_TR_FUNCTIONS(gw::RampPlan)
};

class PlanReader {
public:
    PlanReader(const JsonSource &source, QString fileName, Diagnostics *out)
        : m_source(source), m_file(std::move(fileName)), m_out(out)
    {
    }

    void error(const QString &pointer, const QString &message) const
    {
        const JsonPosition p = m_source.positionOf(pointer);
        m_out->append({Diagnostic::Severity::Error, m_file, p.line, p.column, pointer, message});
    }

    // A finite number within [min, max] (or (min, max] when minExclusive); none when absent.
    std::optional<double> number(const QJsonObject &o, const QString &name, double min, double max,
                                 bool minExclusive = false) const
    {
        const QJsonValue v = o.value(name);
        if (v.isUndefined())
            return std::nullopt;
        const QString pointer = jsonPointerChild(QString(), name);
        if (!v.isDouble()) {
            error(pointer, RampPlanText::tr("expected a number, found %1").arg(jsonTypeName(v)));
            return std::nullopt;
        }
        const double d = v.toDouble();
        if ((minExclusive ? d <= min : d < min) || d > max) {
            // Interval notation rather than a spliced-in word, so the whole message translates.
            const QString message =
                minExclusive ? RampPlanText::tr("%1 is outside (%2..%3]") : RampPlanText::tr("%1 is outside %2..%3");
            error(pointer, message.arg(QString::number(d), QString::number(min), QString::number(max)));
            return std::nullopt;
        }
        return d;
    }

    std::optional<qint64> integer(const QJsonObject &o, const QString &name, qint64 min, qint64 max) const
    {
        const std::optional<double> d = number(o, name, double(min), double(max));
        if (!d)
            return std::nullopt;
        if (*d != std::floor(*d)) {
            error(jsonPointerChild(QString(), name),
                  RampPlanText::tr("expected a whole number, found %1").arg(QString::number(*d)));
            return std::nullopt;
        }
        return qint64(*d);
    }

private:
    const JsonSource &m_source;
    QString m_file;
    Diagnostics *m_out;
};

const QStringList kKnownKeys = {
    QStringLiteral("scope"),
    QStringLiteral("steps"),
    QStringLiteral("current_step"),
    QStringLiteral("min_requests_per_gateway"),
    QStringLiteral("error_margin_points"),
    QStringLiteral("confidence"),
    QStringLiteral("max_ttft_p95_worse_percent"),
    QStringLiteral("max_cost_per_mtok_worse_percent"),
    QStringLiteral("window_minutes"),
};

} // namespace

QString rampRuleId(const QString &model)
{
    return u"ramp-"_qs + model;
}

RampPlanLoadResult loadRampPlan(QByteArrayView bytes, const QString &fileName)
{
    RampPlanLoadResult result;
    const JsonSource source = parseJsonSource(bytes, fileName);
    result.diagnostics = source.problems;
    if (!source.ok())
        return result;
    PlanReader reader(source, fileName, &result.diagnostics);
    if (!source.root.isObject()) {
        reader.error(QString(),
                     RampPlanText::tr("expected a ramp plan object, found %1").arg(jsonTypeName(source.root)));
        return result;
    }
    const QJsonObject o = source.root.toObject();
    RampPlan plan;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!kKnownKeys.contains(it.key()))
            reader.error(jsonPointerChild(QString(), it.key()),
                         RampPlanText::tr("unknown member \"%1\"").arg(it.key()));

    const QJsonValue scope = o.value(u"scope");
    if (scope.isUndefined())
        reader.error(QString(), RampPlanText::tr("missing \"scope\" (\"default\" or a model id)"));
    else if (!scope.isString() || scope.toString().trimmed().isEmpty())
        reader.error(u"/scope"_qs,
                     RampPlanText::tr("expected \"default\" or a model id, found %1").arg(jsonTypeName(scope)));
    else
        plan.scope = scope.toString().trimmed();

    const QJsonValue steps = o.value(u"steps");
    if (steps.isUndefined()) {
        reader.error(QString(), RampPlanText::tr("missing \"steps\" (e.g. [2, 5, 10])"));
    } else if (!steps.isArray() || steps.toArray().isEmpty()) {
        reader.error(u"/steps"_qs, RampPlanText::tr("expected a non-empty array of shares in percent"));
    } else {
        plan.stepsPercent.clear();
        const QJsonArray array = steps.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString pointer = jsonPointerChild(u"/steps"_qs, i);
            const QJsonValue v = array.at(i);
            if (!v.isDouble() || v.toDouble() <= 0 || v.toDouble() > 100) {
                reader.error(pointer, RampPlanText::tr("a step is a share above 0 and at most 100"));
                continue;
            }
            if (!plan.stepsPercent.isEmpty() && v.toDouble() <= plan.stepsPercent.constLast()) {
                reader.error(pointer,
                             RampPlanText::tr("steps must increase: %1 follows %2")
                                 .arg(QString::number(v.toDouble()), QString::number(plan.stepsPercent.constLast())));
                continue;
            }
            plan.stepsPercent.append(v.toDouble());
        }
    }

    if (const auto step = reader.integer(o, u"current_step"_qs, -1, 1000)) {
        if (*step >= plan.stepsPercent.size())
            reader.error(u"/current_step"_qs, RampPlanText::tr("step %1 does not exist: the plan has %2 steps (0..%3)")
                                                  .arg(*step)
                                                  .arg(plan.stepsPercent.size())
                                                  .arg(plan.stepsPercent.size() - 1));
        else
            plan.currentStep = int(*step);
    }
    if (const auto v = reader.integer(o, u"min_requests_per_gateway"_qs, 1, qint64(1) << 50))
        plan.minRequestsPerGateway = quint64(*v);
    if (const auto v = reader.number(o, u"error_margin_points"_qs, 0, 100))
        plan.errorMarginPoints = *v;
    if (const auto v = reader.number(o, u"confidence"_qs, 0.5, 0.999999))
        plan.confidence = *v;
    if (const auto v = reader.number(o, u"max_ttft_p95_worse_percent"_qs, 0, 1e6))
        plan.maxTtftP95WorsePercent = *v;
    if (const auto v = reader.number(o, u"max_cost_per_mtok_worse_percent"_qs, 0, 1e6))
        plan.maxCostPerMtokWorsePercent = *v;
    if (const auto v = reader.integer(o, u"window_minutes"_qs, 1, 366 * 24 * 60))
        plan.windowMinutes = int(*v);

    if (!hasErrors(result.diagnostics))
        result.plan = plan;
    return result;
}

RampPlanLoadResult loadRampPlanFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        RampPlanLoadResult failed;
        failed.diagnostics.append({Diagnostic::Severity::Error, path, 0, 0, QString(),
                                   RampPlanText::tr("cannot read: %1").arg(file.errorString())});
        return failed;
    }
    return loadRampPlan(file.readAll(), path);
}

QJsonObject rampPlanToJson(const RampPlan &plan)
{
    QJsonArray steps;
    for (double s : plan.stepsPercent)
        steps.append(s);
    return QJsonObject{
        {u"scope"_qs, plan.scope},
        {u"steps"_qs, steps},
        {u"current_step"_qs, plan.currentStep},
        {u"min_requests_per_gateway"_qs, double(plan.minRequestsPerGateway)},
        {u"error_margin_points"_qs, plan.errorMarginPoints},
        {u"confidence"_qs, plan.confidence},
        {u"max_ttft_p95_worse_percent"_qs, plan.maxTtftP95WorsePercent},
        {u"max_cost_per_mtok_worse_percent"_qs, plan.maxCostPerMtokWorsePercent},
        {u"window_minutes"_qs, plan.windowMinutes},
    };
}

QByteArray rampPlanBytes(const RampPlan &plan)
{
    return QJsonDocument(rampPlanToJson(plan)).toJson(QJsonDocument::Indented);
}

Outcome<bool> saveRampPlanFile(const QString &path, const RampPlan &plan)
{
    return writeFileAtomically(path, rampPlanBytes(plan));
}

RoutingConfig withRampStep(const RoutingConfig &config, const RampPlan &plan, int step)
{
    const double share = plan.sharePercentAt(step);
    RoutingConfig edited = config;
    if (plan.isDefaultScope()) {
        edited.defaultSharePaid = share;
        edited.defaultShareFree = share;
        return edited;
    }
    const QString id = rampRuleId(plan.scope);
    for (Rule &rule : edited.rules) {
        if (rule.id != id)
            continue;
        rule.enabled = true;
        rule.match = RuleMatch{};
        rule.match.models = QStringList{plan.scope};
        rule.action = RuleAction{std::nullopt, share};
        return edited;
    }
    Rule rule;
    rule.id = id;
    rule.match.models = QStringList{plan.scope};
    rule.action.vercelShare = share;
    rule.note = RampPlanText::tr("guarded ramp of %1").arg(plan.scope);
    edited.rules.prepend(rule); // first match decides: in front, so the ramp governs the model
    return edited;
}

RampPlan withCurrentStep(const RampPlan &plan, int step)
{
    RampPlan moved = plan;
    moved.currentStep = std::clamp(step, -1, int(plan.stepsPercent.size()) - 1);
    return moved;
}

} // namespace gw
