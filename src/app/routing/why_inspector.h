#pragma once
// "Why does this request go there?": a request form and the decision with every step,
// computed by gw::Router::decide on the draft (fast enough for the GUI thread).

#include "config/config.h"
#include "routing/router.h"

#include <QWidget>

#include <memory>

namespace Ui {
class WhyInspector;
}

namespace gw::app {

class WhyInspector : public QWidget {
    Q_OBJECT
public:
    explicit WhyInspector(QWidget *parent = nullptr);
    ~WhyInspector() override;

    void setConfig(const gw::RoutingConfig &config);
    void setNow(const QDateTime &now)
    {
        m_now = now;
        recompute();
    }
    gw::RouteRequest currentRequest() const;
    QString decisionText() const;
    QStringList stepTexts() const;

private:
    void recompute();

    std::unique_ptr<Ui::WhyInspector> ui;
    gw::RoutingConfig m_config;
    QDateTime m_now;
};

} // namespace gw::app
