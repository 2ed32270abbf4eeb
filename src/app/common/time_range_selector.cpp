#include "common/time_range_selector.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>

namespace gw::app {

TimeRangeSelector::TimeRangeSelector(QWidget *parent)
    : QWidget(parent), m_preset(new QComboBox(this)), m_from(new QDateTimeEdit(this)), m_to(new QDateTimeEdit(this))
{
    m_preset->setObjectName(QStringLiteral("rangeCombo"));
    m_preset->setToolTip(tr("Ranges end now; All spans the recorded traffic"));
    m_from->setObjectName(QStringLiteral("fromEdit"));
    m_to->setObjectName(QStringLiteral("toEdit"));
    m_from->setToolTip(tr("Start of the custom range (UTC)"));
    m_to->setToolTip(tr("End of the custom range (UTC)"));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_from->setDateTime(now.addDays(-7));
    m_to->setDateTime(now);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_preset);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    setPresets({gw::RangePreset::LastDay, gw::RangePreset::LastWeek, gw::RangePreset::Last30Days, gw::RangePreset::All},
               gw::RangePreset::LastWeek);

    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        updateCustomVisibility();
        Q_EMIT rangeChanged();
    });
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &TimeRangeSelector::rangeChanged);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &TimeRangeSelector::rangeChanged);
}

QString TimeRangeSelector::presetName(gw::RangePreset preset)
{
    switch (preset) {
    case gw::RangePreset::LastHour: return tr("Last hour");
    case gw::RangePreset::LastDay: return tr("Last 24 hours");
    case gw::RangePreset::LastWeek: return tr("Last 7 days");
    case gw::RangePreset::Last30Days: return tr("Last 30 days");
    case gw::RangePreset::All: return tr("All recorded traffic");
    case gw::RangePreset::Custom: return tr("Custom (UTC)");
    }
    return {};
}

void TimeRangeSelector::setPresets(const QList<gw::RangePreset> &presets, gw::RangePreset selected)
{
    const QSignalBlocker quiet(m_preset);
    m_preset->clear();
    for (gw::RangePreset preset : presets)
        if (preset != gw::RangePreset::Custom)
            m_preset->addItem(presetName(preset), int(preset));
    m_preset->addItem(presetName(gw::RangePreset::Custom), int(gw::RangePreset::Custom));
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(int(selected))));
    updateCustomVisibility();
}

gw::RangePreset TimeRangeSelector::preset() const
{
    return gw::RangePreset(m_preset->currentData().toInt());
}

void TimeRangeSelector::setPreset(gw::RangePreset preset)
{
    m_preset->setCurrentIndex(m_preset->findData(int(preset)));
}

void TimeRangeSelector::setCustomRange(const QDateTime &from, const QDateTime &to)
{
    m_from->setDateTime(from.toUTC());
    m_to->setDateTime(to.toUTC());
    setPreset(gw::RangePreset::Custom);
}

qint64 TimeRangeSelector::customFromMs() const
{
    return m_from->dateTime().toMSecsSinceEpoch();
}
qint64 TimeRangeSelector::customToMs() const
{
    return m_to->dateTime().toMSecsSinceEpoch();
}

gw::TimeRange TimeRangeSelector::range(qint64 nowMs) const
{
    return gw::resolveRange(preset(), nowMs, customFromMs(), customToMs());
}

QDateTime TimeRangeSelector::from() const
{
    const gw::TimeRange r = range();
    return r.fromMs ? QDateTime::fromMSecsSinceEpoch(*r.fromMs, Qt::UTC) : QDateTime();
}

QDateTime TimeRangeSelector::to() const
{
    const gw::TimeRange r = range();
    return r.toMs ? QDateTime::fromMSecsSinceEpoch(*r.toMs, Qt::UTC) : QDateTime();
}

void TimeRangeSelector::updateCustomVisibility()
{
    const bool custom = preset() == gw::RangePreset::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
}

} // namespace gw::app
