<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountEditor</name>
    <message>
        <source>(nobody)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>&amp;Activities (%1)</source>
        <translation>活动(&amp;A) (%1)</translation>
    </message>
    <message>
        <source>Customer satisfaction: %1 / 5 from %2 tickets</source>
        <translation>客户满意度：%1 / 5（来自 %2 个工单）</translation>
    </message>
    <message>
        <source>Customer satisfaction: no feedback yet</source>
        <translation>客户满意度：暂无反馈</translation>
    </message>
    <message>
        <source>&amp;Contacts (%1)</source>
        <translation>联系人(&amp;C) (%1)</translation>
    </message>
    <message>
        <source>Possible duplicate: %1 already exists.</source>
        <translation>可能重复:%1 已存在。</translation>
    </message>
    <message>
        <source>%1 probably exists already.

Save a new account anyway?</source>
        <translation>%1 可能已经存在。

仍然保存为新客户吗?</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Province / state</source>
        <translation>省份/州</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Industry:</source>
        <translation>行业(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>网站(&amp;W):</translation>
    </message>
    <message>
        <source>example.com</source>
        <translation>example.com</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P):</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>邮箱(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Street:</source>
        <translation>街道地址(&amp;S):</translation>
    </message>
    <message>
        <source>Cit&amp;y:</source>
        <translation>城市(&amp;Y):</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>备注(&amp;T):</translation>
    </message>
    <message>
        <source>Pro&amp;vince / state:</source>
        <translation>省份/州(&amp;V):</translation>
    </message>
    <message>
        <source>Posta&amp;l code:</source>
        <translation>邮政编码(&amp;L):</translation>
    </message>
    <message>
        <source>Co&amp;untry:</source>
        <translation>国家/地区(&amp;U):</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>标签(&amp;G):</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. key account, 华南</source>
        <translation>用逗号分隔，例如：重点客户，华南</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <source>Contacts of this account</source>
        <translation>此客户的联系人</translation>
    </message>
    <message>
        <source>&amp;New contact at this account</source>
        <translation>为此客户新建联系人(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>变更历史(&amp;H)</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>变更历史</translation>
    </message>
    <message>
        <source>When / field</source>
        <translation>时间/字段</translation>
    </message>
    <message>
        <source>Who / old value</source>
        <translation>操作人/原值</translation>
    </message>
    <message>
        <source>What / new value</source>
        <translation>操作/新值</translation>
    </message>
</context>
<context>
    <name>AccountInsightTab</name>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>RFM (recency, frequency, money)</source>
        <translation>RFM（最近购买、购买频率、消费金额）</translation>
    </message>
    <message>
        <source>ABC class (revenue, last 365 days)</source>
        <translation>ABC 分类（近 365 天收入）</translation>
    </message>
    <message>
        <source>Customer lifetime value</source>
        <translation>客户生命周期价值</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Create &amp;retention task</source>
        <translation>创建挽留任务(&amp;R)</translation>
    </message>
    <message>
        <source>Create retention task</source>
        <translation>创建挽留任务</translation>
    </message>
    <message>
        <source>&amp;Insight</source>
        <translation>洞察(&amp;I)</translation>
    </message>
    <message>
        <source>No orders yet (won deals, accepted quotes or contracts).</source>
        <translation>暂无订单（赢单商机、已接受的报价单或合同）。</translation>
    </message>
    <message>
        <source>R %1 · F %2 · M %3 — &lt;b&gt;%4&lt;/b&gt; (rule: %5)&lt;br&gt;Last order %6 days ago; orders: %7; %8 in total. Scores 1–5 by quintile among all customers.</source>
        <translation>R %1 · F %2 · M %3 — &lt;b&gt;%4&lt;/b&gt;（规则：%5）&lt;br&gt;最近一次订单在 %6 天前；订单数：%7；总计 %8。评分 1–5 按所有客户中的五分位数计算。</translation>
    </message>
    <message>
        <source>No revenue in the last 365 days</source>
        <translation>近 365 天无收入</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 % of revenue; with the bigger customers %3 % (A: top customers making 80 %, B: the next 15 %, C: the rest)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — 占收入的 %2 %；连同更大的客户累计 %3 %（A：贡献 80 % 收入的头部客户，B：其后的 15 %，C：其余客户）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; = %2 so far + %3 projected&lt;br&gt;projected = average order %4 × %5 orders a year × %6 years × (1 − churn risk %7 %)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; = 迄今 %2 + 预计 %3&lt;br&gt;预计 = 平均订单额 %4 × 每年 %5 笔订单 × %6 年 × (1 − 流失风险 %7 %)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; = %2 so far; churned customers project nothing</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; = 迄今 %2；已流失客户不计预计值</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; expected in the next 12 months (discounted at %2 % a year)&lt;br&gt;expected purchases: %3 · P(alive): %4 % · expected spend per purchase: %5&lt;br&gt;&lt;i&gt;BG/NBD + Gamma-Gamma fitted on %6 customers&apos; orders; %7 brought so far&lt;/i&gt;</source>
        <translation>未来 12 个月预计 &lt;b&gt;%1&lt;/b&gt;（按每年 %2 % 折现）&lt;br&gt;预计购买次数：%3 · 仍活跃概率：%4 % · 每次预计消费：%5&lt;br&gt;&lt;i&gt;BG/NBD + Gamma-Gamma 模型，基于 %6 个客户的订单拟合；迄今贡献 %7&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Formula (fallback: too little order history for the fitted model)&lt;/i&gt;&lt;br&gt;</source>
        <translation>&lt;i&gt;公式估算（备用：订单历史不足，无法拟合模型）&lt;/i&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Chance of an order in the next 180 days: &lt;b&gt;%1 %&lt;/b&gt; (purchase model, AUC %2)</source>
        <translation>&lt;br&gt;未来 180 天内下单的概率：&lt;b&gt;%1 %&lt;/b&gt;（购买模型，AUC %2）</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;%2 %&lt;/b&gt; probability of no order in the next 180 days (fitted model, held-out AUC %3; trained %4 – %5) — what raises it most:</source>
        <translation>未来 180 天内不下单的概率 &lt;b style=&apos;color:%1&apos;&gt;%2 %&lt;/b&gt;（拟合模型，留出集 AUC %3；训练期 %4 – %5）— 影响最大的因素:</translation>
    </message>
    <message>
        <source>&lt;i&gt;Rule-based score (fallback: too little history for a fitted model)&lt;/i&gt;&lt;br&gt;</source>
        <translation>&lt;i&gt;规则评分（备用：历史数据不足，无法拟合模型）&lt;/i&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;%2 / 100&lt;/b&gt; — top reasons:</source>
        <translation>&lt;b style=&apos;color:%1&apos;&gt;%2 / 100&lt;/b&gt; — 主要原因:</translation>
    </message>
    <message>
        <source> none</source>
        <translation> 无</translation>
    </message>
    <message>
        <source>The insight failed: %1</source>
        <translation>洞察计算失败：%1</translation>
    </message>
    <message>
        <source>Retention call: %1</source>
        <translation>挽留电话：%1</translation>
    </message>
    <message>
        <source>Churn risk %1 / 100.
%2</source>
        <translation>流失风险 %1 / 100。
%2</translation>
    </message>
</context>
<context>
    <name>AccountPicker</name>
    <message>
        <source>Type to search accounts</source>
        <translation>输入以搜索客户</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>无客户</translation>
    </message>
    <message>
        <source>Clear account</source>
        <translation>清除客户</translation>
    </message>
</context>
<context>
    <name>Activities</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Email note</source>
        <translation>邮件记录</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>Reminder: %1</source>
        <translation>提醒：%1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>到期 %1</translation>
    </message>
</context>
<context>
    <name>ActivityEditor</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Email note</source>
        <translation>邮件记录</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <source>At the due time</source>
        <translation>到期时</translation>
    </message>
    <message>
        <source>15 minutes before</source>
        <translation>提前 15 分钟</translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation>提前 1 小时</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>提前 1 天</translation>
    </message>
    <message>
        <source>At a set time</source>
        <translation>指定时间</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>on</source>
        <translation>设定</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>Pick an account from the suggestions, or clear the field</source>
        <translation>请从建议列表中选择客户，或清空此字段</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>新活动</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>重复系列</translation>
    </message>
    <message>
        <source>(no contact, lead or opportunity)</source>
        <translation>（未关联联系人、线索或商机）</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K):</translation>
    </message>
    <message>
        <source>D&amp;one</source>
        <translation>已完成(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>主题(&amp;S):</translation>
    </message>
    <message>
        <source>e.g. Call about the quote</source>
        <translation>例如：致电沟通报价</translation>
    </message>
    <message>
        <source>D&amp;ue:</source>
        <translation>到期(&amp;U):</translation>
    </message>
    <message>
        <source>Has a due time</source>
        <translation>设有到期时间</translation>
    </message>
    <message>
        <source>Due time</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Du&amp;ration:</source>
        <translation>时长(&amp;R):</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Re&amp;minder:</source>
        <translation>提醒(&amp;M):</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>提醒时间</translation>
    </message>
    <message>
        <source>Re&amp;peat:</source>
        <translation>重复(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Linked to:</source>
        <translation>关联到(&amp;L):</translation>
    </message>
    <message>
        <source>Linked record</source>
        <translation>关联记录</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>移除关联</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>客户(&amp;A):</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>负责人(&amp;W):</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>备注(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>变更历史(&amp;H)</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>变更历史</translation>
    </message>
    <message>
        <source>When / field</source>
        <translation>时间/字段</translation>
    </message>
    <message>
        <source>Who / old value</source>
        <translation>操作人/原值</translation>
    </message>
    <message>
        <source>What / new value</source>
        <translation>操作/新值</translation>
    </message>
</context>
<context>
    <name>ActivityTimeline</name>
    <message>
        <source>Activities, newest first</source>
        <translation>活动（最新的在前）</translation>
    </message>
    <message>
        <source>&amp;Log call</source>
        <translation>记录电话(&amp;L)</translation>
    </message>
    <message>
        <source>New &amp;task</source>
        <translation>新建任务(&amp;T)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>致电 %1</translation>
    </message>
</context>
<context>
    <name>AfterStart</name>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>每日备份失败：%1</translation>
    </message>
    <message>
        <source>Damaged database</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>The database file is damaged (%1) and there is no usable backup. Export what you need (File → Export) and contact support; nothing was changed.</source>
        <translation>数据库文件已损坏（%1），且没有可用的备份。请导出您需要的数据（文件 → 导出）并联系技术支持；数据未作任何更改。</translation>
    </message>
    <message>
        <source>The database file is damaged (%1).

Restore the latest good backup, taken %2, when Desk CRM starts next? Changes made since then will not be in it; the damaged file is kept under a new name.</source>
        <translation>数据库文件已损坏（%1）。

是否在下次启动 Desk CRM 时恢复最近一次完好的备份（备份于 %2）？此后所做的更改不会包含在其中；损坏的文件将以新名称保留。</translation>
    </message>
    <message>
        <source>The backup of %1 will be restored when you start Desk CRM again.</source>
        <translation>下次启动 Desk CRM 时将恢复 %1 的备份。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Desk CRM is already working with this data (%1). Wait for it to finish or close it, then start again.</source>
        <translation>Desk CRM 正在使用这些数据（%1）。请等待其完成或将其关闭，然后再启动。</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened:

%2</source>
        <translation>无法打开数据库 %1：

%2</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Customers at risk</source>
        <translation>风险客户</translation>
    </message>
    <message>
        <source>Performance reports</source>
        <translation>绩效报表</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>客户分群</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>销售管道</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>销售预测</translation>
    </message>
    <message>
        <source>My day</source>
        <translation>我的一天</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>续约</translation>
    </message>
    <message>
        <source>Service quality</source>
        <translation>服务质量</translation>
    </message>
    <message>
        <source>&amp;Pipeline stages…</source>
        <translation>销售管道阶段(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Lead scoring rules…</source>
        <translation>线索评分规则(&amp;L)…</translation>
    </message>
    <message>
        <source>P&amp;rice books…</source>
        <translation>价格表(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Quotes…</source>
        <translation>报价单(&amp;Q)…</translation>
    </message>
    <message>
        <source>&amp;SLA policies…</source>
        <translation>SLA 策略(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Mail server…</source>
        <translation>邮件服务器(&amp;M)…</translation>
    </message>
    <message>
        <source>L&amp;oyalty programme…</source>
        <translation>积分计划(&amp;O)…</translation>
    </message>
    <message>
        <source>C&amp;ustom fields…</source>
        <translation>自定义字段(&amp;U)…</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T):</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>分类(&amp;C):</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>标签(&amp;G):</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S):</translation>
    </message>
    <message>
        <source>Body (Markdown)</source>
        <translation>正文（Markdown）</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <source>When / field</source>
        <translation>时间/字段</translation>
    </message>
    <message>
        <source>Who / from</source>
        <translation>操作人/原值</translation>
    </message>
    <message>
        <source>What / to</source>
        <translation>操作/新值</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>变更历史(&amp;H)</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>新文章</translation>
    </message>
</context>
<context>
    <name>ArticlePicker</name>
    <message>
        <source>Search articles</source>
        <translation>搜索文章</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Article preview</source>
        <translation>文章预览</translation>
    </message>
</context>
<context>
    <name>AtRisk</name>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Top reasons</source>
        <translation>主要原因</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近订单</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>生命周期价值</translation>
    </message>
    <message>
        <source>Churn model</source>
        <translation>流失模型</translation>
    </message>
</context>
<context>
    <name>AtRiskPage</name>
    <message>
        <source>Owner filter</source>
        <translation>按负责人筛选</translation>
    </message>
    <message>
        <source>Lowest risk shown</source>
        <translation>显示的最低风险</translation>
    </message>
    <message>
        <source>Own&amp;er:</source>
        <translation>负责人(&amp;E):</translation>
    </message>
    <message>
        <source>Risk at &amp;least:</source>
        <translation>风险至少(&amp;L):</translation>
    </message>
    <message>
        <source>Create retention &amp;task</source>
        <translation>创建挽留任务(&amp;T)</translation>
    </message>
    <message>
        <source>A task on the selected account (Ctrl+T)</source>
        <translation>为所选客户创建任务 (Ctrl+T)</translation>
    </message>
    <message>
        <source>Customers at risk</source>
        <translation>风险客户</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>%1 customers with a churn risk of %2 or more. The score adds points for an overdue order, falling order value, open tickets, SLA breaches, low satisfaction and no recent activity (hover a reason for the points).</source>
        <translation>%1 个客户的流失风险不低于 %2。评分在以下情况下加分：订单逾期、订单金额下降、未结工单、违反 SLA、满意度低以及近期无活动（将鼠标悬停在原因上可查看分值）。</translation>
    </message>
    <message>
        <source>Expected in the next 12 months (BG/NBD + Gamma-Gamma; P(alive) %1 %)</source>
        <translation>未来 12 个月的预计价值（BG/NBD + Gamma-Gamma；仍活跃概率 %1 %）</translation>
    </message>
    <message>
        <source>Fitted churn model (held-out AUC %1):
%2</source>
        <translation>拟合的流失模型（留出集 AUC %1）：
%2</translation>
    </message>
    <message>
        <source>rules only</source>
        <translation>仅规则</translation>
    </message>
    <message>
        <source>Too little history for a fitted churn model: the risk is the rule-based score</source>
        <translation>历史数据不足，无法拟合流失模型：风险为规则评分</translation>
    </message>
    <message>
        <source>The churn model failed: %1</source>
        <translation>流失模型计算失败：%1</translation>
    </message>
    <message>
        <source>The list failed: %1</source>
        <translation>列表加载失败：%1</translation>
    </message>
    <message>
        <source>Everybody</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Retention call: %1</source>
        <translation>挽留电话：%1</translation>
    </message>
    <message>
        <source>Churn risk %1 / 100.
%2</source>
        <translation>流失风险 %1 / 100。
%2</translation>
    </message>
</context>
<context>
    <name>BackgroundOperation</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>No backups yet. Desk CRM backs the database up once a day and before every upgrade; Back up now makes one at once.</source>
        <translation>还没有备份。Desk CRM 每天以及每次升级前都会备份数据库；点击“立即备份”可马上备份一次。</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation>选择文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>文件夹：%1</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Before upgrading the database from %1</source>
        <translation>升级数据库（自版本 %1）之前</translation>
    </message>
    <message>
        <source>an import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>a merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>a bulk edit</source>
        <translation>批量编辑</translation>
    </message>
    <message>
        <source>a restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>changing the encryption</source>
        <translation>更改加密</translation>
    </message>
    <message>
        <source>Before %1</source>
        <translation>%1 之前</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>New backups go to %1 from the next start of Desk CRM.</source>
        <translation>从下次启动 Desk CRM 起，新备份将保存到 %1。</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the current data with the backup of %1?

The current database file is kept next to it, not deleted. Desk CRM restores the backup when it starts again.</source>
        <translation>用 %1 的备份替换当前数据吗？

当前数据库文件会保留在原位置旁边，不会被删除。Desk CRM 将在下次启动时恢复该备份。</translation>
    </message>
    <message>
        <source>This backup is damaged and cannot be restored. Choose another one.</source>
        <translation>此备份已损坏，无法恢复。请选择其他备份。</translation>
    </message>
    <message>
        <source>Restore the backup now? Open windows close and the data is re-opened. Otherwise it is restored at the next start.</source>
        <translation>立即恢复备份吗？已打开的窗口将关闭，数据将重新打开。否则将在下次启动时恢复。</translation>
    </message>
</context>
<context>
    <name>BoardCard</name>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>No next step</source>
        <translation>无下一步</translation>
    </message>
</context>
<context>
    <name>BoardColumn</name>
    <message>
        <source>Stage %1</source>
        <translation>阶段 %1</translation>
    </message>
    <message>
        <source>Arrow keys move between cards and stages; %1 moves the card to the next or previous stage; Enter opens it; or drag it.</source>
        <translation>方向键在卡片和阶段之间移动；%1 将卡片移到下一个或上一个阶段；Enter 打开卡片；也可以拖动卡片。</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>还有 %1 个</translation>
    </message>
</context>
<context>
    <name>BoardColumnModel</name>
    <message>
        <source>no next step</source>
        <translation>无下一步</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O):</translation>
    </message>
    <message>
        <source>Owner filter</source>
        <translation>按负责人筛选</translation>
    </message>
    <message>
        <source>Filter opportunities (Ctrl+F)</source>
        <translation>筛选商机 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter opportunities</source>
        <translation>筛选商机</translation>
    </message>
    <message>
        <source>Someone changed this opportunity meanwhile; the board shows it as it is now.</source>
        <translation>此商机已被他人修改，看板现显示其最新状态。</translation>
    </message>
    <message>
        <source>That opportunity no longer exists.</source>
        <translation>该商机已不存在。</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>所有负责人</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>Edit %1 records</source>
        <translation>编辑 %1 条记录</translation>
    </message>
    <message>
        <source>Tick what to change in all %1 selected records.</source>
        <translation>勾选要在全部 %1 条所选记录中修改的内容。</translation>
    </message>
    <message>
        <source>&amp;Selected rows (%1)</source>
        <translation>所选行（%1）(&amp;S)</translation>
    </message>
    <message>
        <source>A&amp;ll %1 matching rows</source>
        <translation>全部 %1 条匹配行(&amp;L)</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Add tags</source>
        <translation>添加标签(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove tags</source>
        <translation>移除标签(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation>城市(&amp;C)</translation>
    </message>
    <message>
        <source>Province / &amp;state</source>
        <translation>省份/州(&amp;S)</translation>
    </message>
    <message>
        <source>Cou&amp;ntry</source>
        <translation>国家/地区(&amp;N)</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;T)</translation>
    </message>
</context>
<context>
    <name>CampaignEditor</name>
    <message>
        <source>&amp;Members</source>
        <translation>成员(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>效果(&amp;R)</translation>
    </message>
    <message>
        <source>When / field</source>
        <translation>时间/字段</translation>
    </message>
    <message>
        <source>Who / from</source>
        <translation>操作人/原值</translation>
    </message>
    <message>
        <source>What / to</source>
        <translation>操作/新值</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>变更历史(&amp;H)</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S):</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>日期(&amp;D):</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>币种(&amp;U):</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Actual cost</source>
        <translation>实际成本</translation>
    </message>
    <message>
        <source>Expected revenue</source>
        <translation>预期收入</translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation>预算(&amp;B):</translation>
    </message>
    <message>
        <source>Actual &amp;cost:</source>
        <translation>实际成本(&amp;C):</translation>
    </message>
    <message>
        <source>E&amp;xpected revenue:</source>
        <translation>预期收入(&amp;X):</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O):</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>营销活动(&amp;C)</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>新建营销活动</translation>
    </message>
</context>
<context>
    <name>CampaignListPage</name>
    <message>
        <source>St&amp;atus:</source>
        <translation>状态(&amp;A):</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>类型(&amp;Y):</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>&amp;Write e-mail to members…</source>
        <translation>给成员写邮件(&amp;W)…</translation>
    </message>
    <message>
        <source>Out&amp;box…</source>
        <translation>发件箱(&amp;B)…</translation>
    </message>
    <message>
        <source>%1 (%2 to send)</source>
        <translation>%1（%2 封待发送）</translation>
    </message>
</context>
<context>
    <name>CampaignResultsView</name>
    <message>
        <source>Campaign results chart</source>
        <translation>营销活动效果图表</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>响应数</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>响应率</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Won deals</source>
        <translation>赢单数</translation>
    </message>
    <message>
        <source>Won revenue</source>
        <translation>赢单收入</translation>
    </message>
    <message>
        <source>Actual cost</source>
        <translation>实际成本</translation>
    </message>
    <message>
        <source>Cost per lead</source>
        <translation>单条线索成本</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Save the campaign to see its results</source>
        <translation>保存营销活动后即可查看其效果</translation>
    </message>
    <message>
        <source>From members to won deals</source>
        <translation>从成员到赢单</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>Campaigns</name>
    <message>
        <source>Added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>已响应</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已参加</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>已转化</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Actual cost</source>
        <translation>实际成本</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Add to &amp;campaign…</source>
        <translation>添加到营销活动(&amp;C)…</translation>
    </message>
    <message>
        <source>Add to campaign</source>
        <translation>添加到营销活动</translation>
    </message>
    <message>
        <source>Select rows and create a campaign first.</source>
        <translation>请先选择行并创建营销活动。</translation>
    </message>
    <message>
        <source>Add %1 selected to:</source>
        <translation>将所选的 %1 条记录添加到:</translation>
    </message>
    <message>
        <source>%1 added to “%2” (%3 were members already).</source>
        <translation>已将 %1 条记录添加到“%2”（%3 条已是成员）。</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Event / trade show</source>
        <translation>会议/展会</translation>
    </message>
    <message>
        <source>Webinar</source>
        <translation>网络研讨会</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Source campaign</source>
        <translation>来源营销活动</translation>
    </message>
    <message>
        <source>Source ca&amp;mpaign:</source>
        <translation>来源营销活动(&amp;M):</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>CellEditModel</name>
    <message>
        <source>Someone else changed this contact; the list now shows the current values.</source>
        <translation>其他人修改了此联系人；列表现在显示的是最新值。</translation>
    </message>
</context>
<context>
    <name>Churn</name>
    <message>
        <source>No order for {days} days; usually every {usual} days</source>
        <translation>已 {days} 天无订单；通常每 {usual} 天下单一次</translation>
    </message>
    <message>
        <source>Last order {percent} % below the earlier average</source>
        <translation>最近订单比此前平均值低 {percent} %</translation>
    </message>
    <message>
        <source>{count} open tickets</source>
        <translation>{count} 个未结工单</translation>
    </message>
    <message>
        <source>{count} SLA breaches in 90 days</source>
        <translation>90 天内 {count} 次违反 SLA</translation>
    </message>
    <message>
        <source>Low satisfaction: {csat} / 5</source>
        <translation>满意度低：{csat} / 5</translation>
    </message>
    <message>
        <source>No activity for {days} days</source>
        <translation>已 {days} 天无活动</translation>
    </message>
    <message>
        <source>No activity in the last {days} days</source>
        <translation>最近 {days} 天无活动</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <source>Reset columns</source>
        <translation>重置列</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>a person&apos;s name</comment>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人数</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Resolve conflict: %1</source>
        <translation>解决冲突：%1</translation>
    </message>
    <message>
        <source>%1 “%2” was changed here and on the server. Choose what to keep for each field; the result is sent at the next sync.</source>
        <translation>%1“%2”在本地和服务器上均已修改。请为每个字段选择要保留的值；结果将在下次同步时发送。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before (last synced)</source>
        <translation>修改前（上次同步）</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>Theirs (server)</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Keep for %1</source>
        <translation>%1 保留的值</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留本地</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>采用服务器</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Value for %1</source>
        <translation>%1 的值</translation>
    </message>
    <message>
        <source>All &amp;mine</source>
        <translation>全部本地(&amp;M)</translation>
    </message>
    <message>
        <source>All &amp;theirs</source>
        <translation>全部服务器(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>解决(&amp;R)</translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation>未解决</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>未解决的冲突</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Fields / server message</source>
        <translation>字段 / 服务器消息</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>No conflicts. A record changed both here and on the server since the last sync waits here until you choose what to keep.</source>
        <translation>没有冲突。自上次同步以来在本机和服务器上都被修改过的记录会在这里等待您选择保留哪一版。</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>解决(&amp;R)…</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>被服务器拒绝</translation>
    </message>
    <message>
        <source>The server refused this record:
%1

Send it again at the next sync? (Correct the record first if needed.)</source>
        <translation>服务器拒绝了此记录：
%1

是否在下次同步时重新发送？（如有需要，请先更正该记录。）</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>C&amp;ontacts</source>
        <translation>联系人(&amp;O)</translation>
    </message>
    <message>
        <source>Opportu&amp;nities</source>
        <translation>商机(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quotes</source>
        <translation>报价单(&amp;Q)</translation>
    </message>
    <message>
        <source>P&amp;roducts</source>
        <translation>产品(&amp;R)</translation>
    </message>
    <message>
        <source>Connect to server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>Tryton (JSON-RPC)</source>
        <translation>Tryton (JSON-RPC)</translation>
    </message>
    <message>
        <source>django-crm (REST)</source>
        <translation>django-crm (REST)</translation>
    </message>
    <message>
        <source>Server type</source>
        <translation>服务器类型</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Only when I ask</source>
        <translation>仅在手动请求时</translation>
    </message>
    <message>
        <source>Sync in the background every</source>
        <translation>后台同步间隔</translation>
    </message>
    <message>
        <source>Always synced: the other records refer to accounts</source>
        <translation>始终同步：其他记录都引用客户</translation>
    </message>
    <message>
        <source>What to sync</source>
        <translation>同步内容</translation>
    </message>
    <message>
        <source>The password or token is kept in the system keychain, never in the database or the settings file.</source>
        <translation>密码或令牌只保存在系统钥匙串中，绝不会写入数据库或设置文件。</translation>
    </message>
    <message>
        <source>Server &amp;type:</source>
        <translation>服务器类型(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P):</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>同步间隔(&amp;E):</translation>
    </message>
    <message>
        <source>What to sync:</source>
        <translation>同步内容:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>访问令牌(&amp;T):</translation>
    </message>
    <message>
        <source>Personal access token</source>
        <translation>个人访问令牌</translation>
    </message>
    <message>
        <source>Custom fields are synced too, except money, date and time, multi-select and link fields: django-crm has no place for those, so they stay in Desk CRM only.</source>
        <translation>自定义字段也会同步；金额、日期时间、多选和记录链接字段除外：django-crm 无法保存这些字段，它们只保留在 Desk CRM 中。</translation>
    </message>
    <message>
        <source>Custom fields stay in Desk CRM only: Tryton has no place for them.</source>
        <translation>自定义字段只保留在 Desk CRM 中：Tryton 没有存放它们的地方。</translation>
    </message>
    <message>
        <source>No keychain</source>
        <translation>无钥匙串</translation>
    </message>
    <message>
        <source>This computer has no system keychain to keep the password in safely. Keep it for this session only? You will be asked again after a restart.</source>
        <translation>此计算机没有可安全保存密码的系统钥匙串。是否仅在本次会话中保留密码？重启后将再次询问。</translation>
    </message>
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <source>(nobody)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>A&amp;ctivities (%1)</source>
        <translation>活动(&amp;C) (%1)</translation>
    </message>
    <message>
        <source>Pick an account from the suggestions, or clear the field</source>
        <translation>请从建议列表中选择客户，或清空此字段</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新联系人</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Province / state</source>
        <translation>省份/州</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No marketing e-mail</source>
        <translation>不接收营销邮件</translation>
    </message>
    <message>
        <source>E-mail bounced</source>
        <translation>邮件退信</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1(%2 %)</translation>
    </message>
    <message>
        <source>Possible duplicate: %1 is probably this person.</source>
        <translation>可能重复:%1 可能就是此人。</translation>
    </message>
    <message>
        <source>Possible duplicate: the same email or phone is already used by %1.</source>
        <translation>可能重复：%1 已在使用相同的邮箱或电话。</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>姓(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>职务(&amp;T):</translation>
    </message>
    <message>
        <source>D&amp;epartment:</source>
        <translation>部门(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>客户(&amp;A):</translation>
    </message>
    <message>
        <source>E&amp;mails:</source>
        <translation>邮箱(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Phones:</source>
        <translation>电话(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Street:</source>
        <translation>街道地址(&amp;S):</translation>
    </message>
    <message>
        <source>G&amp;iven name:</source>
        <translation>名(&amp;I):</translation>
    </message>
    <message>
        <source>Cit&amp;y:</source>
        <translation>城市(&amp;Y):</translation>
    </message>
    <message>
        <source>Pro&amp;vince / state:</source>
        <translation>省份/州(&amp;V):</translation>
    </message>
    <message>
        <source>Posta&amp;l code:</source>
        <translation>邮政编码(&amp;L):</translation>
    </message>
    <message>
        <source>Co&amp;untry:</source>
        <translation>国家/地区(&amp;U):</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>标签(&amp;B):</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. VIP, 华东</source>
        <translation>用逗号分隔，例如：VIP，华东</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>变更历史(&amp;H)</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>变更历史</translation>
    </message>
    <message>
        <source>When / field</source>
        <translation>时间/字段</translation>
    </message>
    <message>
        <source>Who / old value</source>
        <translation>操作人/原值</translation>
    </message>
    <message>
        <source>What / new value</source>
        <translation>操作/新值</translation>
    </message>
</context>
<context>
    <name>ContactLifecycleLabel</name>
    <message>
        <source>Lifecycle: &lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>生命周期：&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source> (account %1)</source>
        <translation>（客户 %1）</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
</context>
<context>
    <name>ContactListPage</name>
    <message>
        <source>Row %1: there is no contact below to paste into.</source>
        <translation>第 %1 行：下方没有可粘贴的联系人。</translation>
    </message>
    <message>
        <source>Row %1, %2: this column cannot be edited here.</source>
        <translation>第 %1 行，%2：此列不能在这里编辑。</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <source>These cells were not pasted:</source>
        <translation>以下单元格未粘贴:</translation>
    </message>
</context>
<context>
    <name>ContractEditor</name>
    <message>
        <source>&amp;Contract</source>
        <translation>合同(&amp;C)</translation>
    </message>
    <message>
        <source>Accepted quote</source>
        <translation>已接受的报价单</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>每季度</translation>
    </message>
    <message>
        <source>Annually</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>一次性</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Renews &amp;automatically</source>
        <translation>自动续约(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quote:</source>
        <translation>报价单(&amp;Q):</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>开始日期(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Term:</source>
        <translation>期限(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Billing:</source>
        <translation>计费周期(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Notice period:</source>
        <translation>通知期(&amp;N):</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T):</translation>
    </message>
    <message>
        <source>Ends:</source>
        <translation>结束日期:</translation>
    </message>
    <message>
        <source>Contract lines</source>
        <translation>合同明细行</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Attach si&amp;gned PDF…</source>
        <translation>附加已签署的 PDF(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Open signed PDF</source>
        <translation>打开已签署的 PDF(&amp;O)</translation>
    </message>
    <message>
        <source>Schedule &amp;renewal reminder</source>
        <translation>安排续约提醒(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;quote</source>
        <translation>打开报价单(&amp;Q)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation>历史(&amp;S)</translation>
    </message>
    <message>
        <source>Accept a quote first: contracts are made from accepted quotes</source>
        <translation>请先接受报价单：合同由已接受的报价单生成</translation>
    </message>
    <message>
        <source>Contract %1</source>
        <translation>合同 %1</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>新合同</translation>
    </message>
    <message>
        <source>No signed file yet</source>
        <translation>尚无已签署文件</translation>
    </message>
    <message>
        <source>Signed contract</source>
        <translation>已签署合同</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF 文件 (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>A renewal reminder is in the owner&apos;s activities.</source>
        <translation>续约提醒已加入负责人的活动中。</translation>
    </message>
</context>
<context>
    <name>ConvertLeadDialog</name>
    <message>
        <source>Convert lead “%1”</source>
        <translation>转化线索“%1”</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Create a &amp;new account</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <source>New account name</source>
        <translation>新客户名称</translation>
    </message>
    <message>
        <source>Add to an &amp;existing account</source>
        <translation>添加到现有客户(&amp;E)</translation>
    </message>
    <message>
        <source>A contact “%1” is created at that account with the lead&apos;s email and phone.</source>
        <translation>将在该客户下创建联系人“%1”，并沿用线索的邮箱和电话。</translation>
    </message>
    <message>
        <source>Create an &amp;opportunity</source>
        <translation>创建商机(&amp;O)</translation>
    </message>
    <message>
        <source>Opportunity name</source>
        <translation>商机名称</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>名称(&amp;M):</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>金额(&amp;A):</translation>
    </message>
    <message>
        <source>Expected close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>E&amp;xpected close:</source>
        <translation>预计成交日期(&amp;X):</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>阶段(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Convert</source>
        <translation>转化(&amp;C)</translation>
    </message>
    <message>
        <source>Name the new account</source>
        <translation>请填写新客户的名称</translation>
    </message>
    <message>
        <source>Pick an account from the suggestions</source>
        <translation>请从建议列表中选择客户</translation>
    </message>
    <message>
        <source>Name the opportunity</source>
        <translation>请填写商机名称</translation>
    </message>
    <message>
        <source>There is no open pipeline stage</source>
        <translation>销售管道中没有进行中的阶段</translation>
    </message>
    <message>
        <source>a new account “%1”</source>
        <translation>新客户“%1”</translation>
    </message>
    <message>
        <source>the contact joins the account “%1”</source>
        <translation>联系人将加入客户“%1”</translation>
    </message>
    <message>
        <source>a contact “%1”</source>
        <translation>联系人“%1”</translation>
    </message>
    <message>
        <source>an opportunity “%1” of %2 in %3</source>
        <translation>商机“%1”，金额 %2，阶段为 %3</translation>
    </message>
    <message>
        <source>Converting creates:</source>
        <translation>转化将创建:</translation>
    </message>
    <message>
        <source>The lead changed since it was opened; close and reopen it.</source>
        <translation>此线索在您打开后已被修改，请关闭后重新打开。</translation>
    </message>
    <message>
        <source>The lead or the chosen account was deleted.</source>
        <translation>该线索或所选客户已被删除。</translation>
    </message>
</context>
<context>
    <name>CustomFieldsDialog</name>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>&amp;Records:</source>
        <translation>记录(&amp;R):</translation>
    </message>
    <message>
        <source>Show &amp;archived fields</source>
        <translation>显示已归档字段(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New field</source>
        <translation>新建字段(&amp;N)</translation>
    </message>
    <message>
        <source>New field (Ctrl+N)</source>
        <translation>新建字段 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>上移 (Alt+Up)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>下移 (Alt+Down)</translation>
    </message>
    <message>
        <source>Title in English</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>&amp;Title (English):</source>
        <translation>英文名称(&amp;T):</translation>
    </message>
    <message>
        <source>Title in Chinese</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Title (&amp;Chinese):</source>
        <translation>中文名称(&amp;C):</translation>
    </message>
    <message>
        <source>Field type</source>
        <translation>字段类型</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>类型(&amp;Y):</translation>
    </message>
    <message>
        <source>Links to</source>
        <translation>链接到</translation>
    </message>
    <message>
        <source>&amp;Links to:</source>
        <translation>链接到(&amp;L):</translation>
    </message>
    <message>
        <source>Re&amp;quired</source>
        <translation>必填(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Fast sorting and filtering (index)</source>
        <translation>快速排序和筛选(索引)(&amp;F)</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Choice (English)</source>
        <translation>选项(英文)</translation>
    </message>
    <message>
        <source>Choice (Chinese)</source>
        <translation>选项(中文)</translation>
    </message>
    <message>
        <source>C&amp;hoices:</source>
        <translation>选项(&amp;H):</translation>
    </message>
    <message>
        <source>Add c&amp;hoice</source>
        <translation>添加选项(&amp;H)</translation>
    </message>
    <message>
        <source>Remo&amp;ve choice</source>
        <translation>删除选项(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Save field</source>
        <translation>保存字段(&amp;S)</translation>
    </message>
    <message>
        <source>Save field (Ctrl+S)</source>
        <translation>保存字段 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Arc&amp;hive</source>
        <translation>归档(&amp;H)</translation>
    </message>
    <message>
        <source>Archive: hidden everywhere, values kept (Delete)</source>
        <translation>归档:各处隐藏,数据保留 (Delete)</translation>
    </message>
    <message>
        <source>R&amp;estore</source>
        <translation>恢复(&amp;E)</translation>
    </message>
    <message>
        <source>Restore (Ctrl+R)</source>
        <translation>恢复 (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Purge values…</source>
        <translation>彻底清除数据(&amp;P)…</translation>
    </message>
    <message>
        <source>Remove the field and its values for good, after a backup</source>
        <translation>先备份,再彻底删除此字段及其数据</translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation>(已归档)</translation>
    </message>
    <message>
        <source>Purge field</source>
        <translation>彻底清除字段</translation>
    </message>
    <message>
        <source>Remove “%1” and its values from every record for good?

A backup of the database is taken first.</source>
        <translation>从所有记录中彻底删除“%1”及其数据吗?

会先备份数据库。</translation>
    </message>
    <message>
        <source>Purging field</source>
        <translation>正在清除字段</translation>
    </message>
    <message>
        <source>Purged: %1 records lost the value; a backup was taken first.</source>
        <translation>已清除:%1 条记录的数据被删除;已先行备份。</translation>
    </message>
</context>
<context>
    <name>CustomFieldsSection</name>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Type a name to find the record</source>
        <translation>输入名称查找记录</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM (local time)</source>
        <translation>YYYY-MM-DD HH:MM(本地时间)</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Pipeline funnel</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <source>Click a stage, or pick one with the arrow keys and press Enter, to list its opportunities</source>
        <translation>单击某个阶段，或用方向键选择后按 Enter，即可列出该阶段的商机</translation>
    </message>
    <message>
        <source>Pipeline funnel (click a stage)</source>
        <translation>销售漏斗（单击阶段）</translation>
    </message>
    <message>
        <source>Opportunities in the stage</source>
        <translation>该阶段的商机</translation>
    </message>
    <message>
        <source>Reached the stage</source>
        <translation>到达该阶段</translation>
    </message>
    <message>
        <source>Forecast against target</source>
        <translation>预测与目标对比</translation>
    </message>
    <message>
        <source>Won and weighted pipeline against target (%1)</source>
        <translation>赢单及加权管道与目标对比（%1）</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Weighted open</source>
        <translation>加权未结</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Thousands of %1</source>
        <translation>单位：千 %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Next quarter</source>
        <translation>下季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>Owner filter</source>
        <translation>按负责人筛选</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P):</translation>
    </message>
    <message>
        <source>Own&amp;er:</source>
        <translation>负责人(&amp;E):</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>币种(&amp;U):</translation>
    </message>
    <message>
        <source>Monthly &amp;target…</source>
        <translation>月度目标(&amp;T)…</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <source>Average sales cycle</source>
        <translation>平均销售周期</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Activities due</source>
        <translation>到期活动</translation>
    </message>
    <message>
        <source>Tickets breaching SLA</source>
        <translation>违反 SLA 的工单</translation>
    </message>
    <message>
        <source>Renewals in 60 days</source>
        <translation>60 天内续约</translation>
    </message>
    <message>
        <source>Top accounts</source>
        <translation>头部客户</translation>
    </message>
    <message>
        <source>&lt;b&gt;Top &amp;accounts&lt;/b&gt; (won in the period)</source>
        <translation>&lt;b&gt;头部客户(&amp;A)&lt;/b&gt;（本期间赢单）</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>%1 won, %2 lost</source>
        <translation>赢单 %1，输单 %2</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>from the first stage to won</source>
        <translation>从第一阶段到赢单</translation>
    </message>
    <message>
        <source>closing in the period</source>
        <translation>本期间预计成交</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 个已逾期</translation>
    </message>
    <message>
        <source>%1 close to breaching</source>
        <translation>%1 个即将违反</translation>
    </message>
    <message>
        <source>contracts ending</source>
        <translation>合同即将到期</translation>
    </message>
    <message>
        <source>Nothing won in this period</source>
        <translation>本期间无赢单</translation>
    </message>
    <message>
        <source>Opportunities closing %1 – %2. Conversion: share of opportunities that reached a stage going on to the next. Monthly target: %3.</source>
        <translation>预计成交日期在 %1 – %2 的商机。转化率：到达某阶段的商机中进入下一阶段的比例。月度目标：%3。</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>The dashboard failed: %1</source>
        <translation>仪表盘加载失败：%1</translation>
    </message>
    <message>
        <source>Everybody</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>what you clicked on the dashboard</source>
        <translation>您在仪表盘上点击的内容</translation>
    </message>
    <message>
        <source>Monthly target</source>
        <translation>月度目标</translation>
    </message>
    <message>
        <source>Target per month in %1 (empty for none):</source>
        <translation>每月目标（%1，留空表示不设）:</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>nothing to compare with before</source>
        <translation>上期无可比数据</translation>
    </message>
    <message>
        <source>%1 points against the period before</source>
        <translation>较上期 %1 个百分点</translation>
    </message>
    <message>
        <source>%1 % against the period before</source>
        <translation>较上期 %1 %</translation>
    </message>
    <message>
        <source>%1 days against the period before</source>
        <translation>较上期 %1 天</translation>
    </message>
</context>
<context>
    <name>DataActions</name>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation>导入历史(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Export list…</source>
        <translation>导出列表(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Bulk edit selected…</source>
        <translation>批量编辑所选记录(&amp;B)…</translation>
    </message>
    <message>
        <source>Import of %1 rows</source>
        <translation>导入 %1 行</translation>
    </message>
    <message>
        <source>vCard address book (*.vcf)</source>
        <translation>vCard 通讯录 (*.vcf)</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <source>CSV (UTF-8) (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV (UTF-8) (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Find &amp;duplicates…</source>
        <translation>查找重复(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Merge selected records…</source>
        <translation>合并所选记录(&amp;M)…</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Exported %1 rows.</source>
        <translation>已导出 %1 行。</translation>
    </message>
    <message>
        <source>Merge contacts</source>
        <translation>合并联系人</translation>
    </message>
    <message>
        <source>Select two or more contacts to merge.</source>
        <translation>请选择两个或更多要合并的联系人。</translation>
    </message>
    <message>
        <source>Merge %1 contacts</source>
        <translation>合并 %1 个联系人</translation>
    </message>
    <message>
        <source>Merge %1 accounts</source>
        <translation>合并 %1 个客户</translation>
    </message>
    <message>
        <source>Edit %1 records</source>
        <translation>编辑 %1 条记录</translation>
    </message>
    <message>
        <source>Editing all matching rows</source>
        <translation>正在编辑全部匹配行</translation>
    </message>
    <message>
        <source>Stopped after %1 rows; Undo reverts them.</source>
        <translation>已在 %1 行后停止；撤销可以还原这些行。</translation>
    </message>
    <message>
        <source>Bulk edit</source>
        <translation>批量编辑</translation>
    </message>
</context>
<context>
    <name>DaysEditor</name>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>One date per line with an optional name, e.g. 2026-10-01 National Day</source>
        <translation>每行一个日期，可附名称，例如 2026-10-01 国庆节</translation>
    </message>
    <message>
        <source>&amp;Holidays:</source>
        <translation>节假日(&amp;H):</translation>
    </message>
    <message>
        <source>Extra working days</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>Weekend days that are working days, e.g. 2026-10-10 make-up day</source>
        <translation>需要上班的周末，例如 2026-10-10 调休上班</translation>
    </message>
    <message>
        <source>E&amp;xtra working days:</source>
        <translation>调休上班日(&amp;X):</translation>
    </message>
    <message>
        <source>Country of the public holidays</source>
        <translation>法定节假日所属国家</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>国家(&amp;O):</translation>
    </message>
    <message>
        <source>Region (state or province)</source>
        <translation>地区（州或省）</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>地区(&amp;G):</translation>
    </message>
    <message>
        <source>Year of the public holidays</source>
        <translation>法定节假日的年份</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y):</translation>
    </message>
    <message>
        <source>Add &amp;public holidays</source>
        <translation>添加法定节假日(&amp;P)</translation>
    </message>
    <message>
        <source>Adds the country&apos;s public holidays and, where known (China), its make-up working days. Refresh each year once the schedule is out.</source>
        <translation>添加该国的法定节假日，并在已知时（中国）添加调休上班日。每年安排公布后请更新一次。</translation>
    </message>
    <message>
        <source>Import &amp;ICS…</source>
        <translation>导入 &amp;ICS…</translation>
    </message>
    <message>
        <source>Choose a country from the list.</source>
        <translation>请从列表中选择国家。</translation>
    </message>
    <message>
        <source>Looking up holidays…</source>
        <translation>正在查询节假日…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>%1 holidays and %2 extra working days read, %3 new.</source>
        <translation>读取了 %1 个节假日和 %2 个调休上班日，其中 %3 个为新增。</translation>
    </message>
    <message>
        <source>The holidays could not be read: %1</source>
        <translation>无法读取节假日：%1</translation>
    </message>
    <message>
        <source>(whole country)</source>
        <translation>（全国）</translation>
    </message>
    <message>
        <source>Import holidays</source>
        <translation>导入节假日</translation>
    </message>
    <message>
        <source>Calendar files (*.ics *.ical *.ifb);;All files (*)</source>
        <translation>日历文件 (*.ics *.ical *.ifb);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>DemoLoader</name>
    <message>
        <source>Creating sample data… %1 of %2</source>
        <translation>正在创建示例数据… %1/%2</translation>
    </message>
    <message>
        <source>Creating sample data</source>
        <translation>正在创建示例数据</translation>
    </message>
    <message>
        <source>Stop sample data</source>
        <translation>停止生成示例数据</translation>
    </message>
    <message>
        <source>Creating sample data…</source>
        <translation>正在生成示例数据…</translation>
    </message>
    <message>
        <source>Sample data created.</source>
        <translation>示例数据已创建。</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Creating sample data failed: %1</source>
        <translation>创建示例数据失败：%1</translation>
    </message>
</context>
<context>
    <name>DuplicateGroupsModel</name>
    <message>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Find duplicates</source>
        <translation>查找重复</translation>
    </message>
    <message>
        <source>&amp;Look for:</source>
        <translation>查找对象(&amp;L):</translation>
    </message>
    <message>
        <source>Kind of records</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>&amp;Scan again</source>
        <translation>重新扫描(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Threshold:</source>
        <translation>阈值(&amp;T):</translation>
    </message>
    <message>
        <source>Match threshold</source>
        <translation>匹配阈值</translation>
    </message>
    <message>
        <source>Estimated precision and recall</source>
        <translation>估计的准确率和召回率</translation>
    </message>
    <message>
        <source>Groups of duplicates</source>
        <translation>重复项分组</translation>
    </message>
    <message>
        <source>Why these records match</source>
        <translation>这些记录为何匹配</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致程度</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Scan progress</source>
        <translation>扫描进度</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Not a duplicate</source>
        <translation>不是重复(&amp;N)</translation>
    </message>
    <message>
        <source>These are different records; never offer this group again</source>
        <translation>这些是不同的记录;不再提示此组</translation>
    </message>
    <message>
        <source>Finding duplicates</source>
        <translation>正在查找重复</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>正在扫描…</translation>
    </message>
    <message>
        <source>same email %1</source>
        <translation>邮箱相同 %1</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Address, postcode, city</source>
        <translation>地址、邮编、城市</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>missing on one side</source>
        <translation>一方缺失</translation>
    </message>
    <message>
        <source>the same</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>the same, family and given name swapped</source>
        <translation>相同,姓和名颠倒</translation>
    </message>
    <message>
        <source>same pinyin, other characters</source>
        <translation>拼音相同,汉字不同</translation>
    </message>
    <message>
        <source>very similar</source>
        <translation>非常相似</translation>
    </message>
    <message>
        <source>similar</source>
        <translation>相似</translation>
    </message>
    <message>
        <source>different</source>
        <translation>不同</translation>
    </message>
    <message>
        <source>one character apart</source>
        <translation>相差一个字符</translation>
    </message>
    <message>
        <source>same postcode only</source>
        <translation>仅邮编相同</translation>
    </message>
    <message>
        <source>same city only</source>
        <translation>仅城市相同</translation>
    </message>
    <message>
        <source>same province / state only</source>
        <translation>仅省份相同</translation>
    </message>
    <message>
        <source>day and month swapped</source>
        <translation>日和月颠倒</translation>
    </message>
    <message>
        <source>same year only</source>
        <translation>仅年份相同</translation>
    </message>
    <message>
        <source>same phone %1</source>
        <translation>电话相同 %1</translation>
    </message>
    <message>
        <source>same website %1</source>
        <translation>网站相同 %1</translation>
    </message>
    <message>
        <source>similar name: %1</source>
        <translation>名称相近：%1</translation>
    </message>
    <message>
        <source>S&amp;top scan</source>
        <translation>停止扫描(&amp;T)</translation>
    </message>
    <message>
        <source>Groups found</source>
        <translation>找到的组</translation>
    </message>
    <message>
        <source>Estimated on your data at this threshold: precision %1 %, recall %2 %, about %3 duplicate pairs. Higher: fewer wrong groups, more duplicates missed.</source>
        <translation>按您的数据在此阈值下估计:准确率 %1 %,召回率 %2 %,约 %3 对重复。阈值越高:错误分组越少,漏掉的重复越多。</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>How common the name is</source>
        <translation>姓名的常见程度</translation>
    </message>
    <message>
        <source>Chance two records are one person</source>
        <translation>两条记录为同一人的概率</translation>
    </message>
    <message>
        <source>Given names differ: weight capped, probably two people</source>
        <translation>名不同:权重封顶,可能是两个人</translation>
    </message>
    <message>
        <source>Birth dates differ: weight capped, probably two people</source>
        <translation>出生日期不同:权重封顶,可能是两个人</translation>
    </message>
    <message>
        <source>%1 groups found.</source>
        <translation>找到 %1 组。</translation>
    </message>
    <message>
        <source>Scan stopped.</source>
        <translation>扫描已停止。</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
</context>
<context>
    <name>EmailComposer</name>
    <message>
        <source>Write e-mail</source>
        <translation>写邮件</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Save as &amp;template…</source>
        <translation>另存为模板(&amp;T)…</translation>
    </message>
    <message>
        <source>T&amp;emplate:</source>
        <translation>模板(&amp;E):</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>主题(&amp;S):</translation>
    </message>
    <message>
        <source>Merge field</source>
        <translation>合并字段</translation>
    </message>
    <message>
        <source>&amp;Insert field</source>
        <translation>插入字段(&amp;I)</translation>
    </message>
    <message>
        <source>Merge &amp;field:</source>
        <translation>合并字段(&amp;F):</translation>
    </message>
    <message>
        <source>Message (rich text)</source>
        <translation>正文（富文本）</translation>
    </message>
    <message>
        <source>&amp;Rich text</source>
        <translation>富文本(&amp;R)</translation>
    </message>
    <message>
        <source>Plain &amp;text from the rich text</source>
        <translation>由富文本生成纯文本(&amp;T)</translation>
    </message>
    <message>
        <source>Message (plain text)</source>
        <translation>正文（纯文本）</translation>
    </message>
    <message>
        <source>&amp;Plain text</source>
        <translation>纯文本(&amp;P)</translation>
    </message>
    <message>
        <source>Preview &amp;for:</source>
        <translation>预览收件人(&amp;F):</translation>
    </message>
    <message>
        <source>Preview for recipient</source>
        <translation>按收件人预览</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>加入发送队列(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Queue %1 e-mails</source>
        <translation>将 %1 封邮件加入发送队列(&amp;Q)</translation>
    </message>
    <message>
        <source>(new message)</source>
        <translation>（新邮件）</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>另存为模板</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>模板名称:</translation>
    </message>
    <message>
        <source>%1 e-mails are in the outbox.</source>
        <translation>%1 封邮件已放入发件箱。</translation>
    </message>
    <message>
        <source>Left out: %1 opted out, %2 bounced, %3 without an address.</source>
        <translation>已排除：%1 人已退订，%2 人邮件退信，%3 人没有邮箱地址。</translation>
    </message>
    <message>
        <source>Set up the mail server (Settings → Mail server…) before sending.</source>
        <translation>发送前请先设置邮件服务器（设置 → 邮件服务器…）。</translation>
    </message>
</context>
<context>
    <name>EmailFlags</name>
    <message>
        <source>No marketing e-mail (opted &amp;out)</source>
        <translation>不接收营销邮件（已退订）(&amp;O)</translation>
    </message>
    <message>
        <source>Address &amp;bounced</source>
        <translation>地址退信(&amp;B)</translation>
    </message>
    <message>
        <source>Address &amp;bounced (%1)</source>
        <translation>地址退信（%1）(&amp;B)</translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <source>Choose a passphrase. Without it the data cannot be read: there is no way to recover a forgotten passphrase.</source>
        <translation>请设置密码短语。没有它将无法读取数据：忘记的密码短语无法找回。</translation>
    </message>
    <message>
        <source>Encrypt database</source>
        <translation>加密数据库</translation>
    </message>
    <message>
        <source>A lost passphrase cannot be recovered: without it nobody, not even an administrator, can open the database or its backups again. Write it down or keep it in a password manager.

Encrypt the database and its backups now? Desk CRM closes and re-opens the data; a backup is taken first.</source>
        <translation>口令一旦丢失便无法找回：没有它，任何人（包括管理员）都无法再打开数据库及其备份。请把口令写下来，或保存在密码管理器中。

现在加密数据库及其备份吗？Desk CRM 会关闭并重新打开数据，加密前会先做一次备份。</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>The database is encrypted.</source>
        <translation>数据库已加密。</translation>
    </message>
    <message>
        <source>&amp;Change passphrase…</source>
        <translation>更改密码短语(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Turn encryption off…</source>
        <translation>关闭加密(&amp;T)…</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>更改密码短语</translation>
    </message>
    <message>
        <source>Turn encryption off</source>
        <translation>关闭加密</translation>
    </message>
    <message>
        <source>Store the database and its backups unencrypted again? Anyone with access to the files can then read them.</source>
        <translation>要重新以未加密方式存储数据库及其备份吗？届时任何能访问这些文件的人都可以读取它们。</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Knowledge article</source>
        <translation>知识库文章</translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Database busy</source>
        <translation>数据库忙</translation>
    </message>
    <message>
        <source>Another program is using the database file, so this change was not saved. Close the other program (or wait a moment) and try again.</source>
        <translation>另一个程序正在使用数据库文件，因此本次更改未保存。请关闭该程序（或稍候片刻）后重试。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong: %1

Your saved data is safe. The details below help to fix the problem.</source>
        <translation>出现问题：%1

您已保存的数据是安全的。以下详细信息有助于解决此问题。</translation>
    </message>
    <message>
        <source>A report was saved as %1.</source>
        <translation>崩溃报告已保存为 %1。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>The disk is full. Nothing was half-saved: free some space and try again.</source>
        <translation>磁盘已满。没有保存一半的数据：请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>The data folder is read-only, so nothing could be saved. Choose a folder you can write to, or ask for write permission.</source>
        <translation>数据文件夹是只读的，因此无法保存任何内容。请选择一个可写的文件夹，或申请写入权限。</translation>
    </message>
    <message>
        <source>Another program is using the database right now. Nothing was changed; close it or wait a moment, then try again.</source>
        <translation>另一个程序正在使用数据库。没有做任何更改；请关闭它或稍等片刻，然后重试。</translation>
    </message>
    <message>
        <source>The database file cannot be opened (missing folder or no permission).</source>
        <translation>无法打开数据库文件（文件夹不存在或没有权限）。</translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this database. Nothing was changed.</source>
        <translation>密码错误：无法打开此数据库。没有做任何更改。</translation>
    </message>
</context>
<context>
    <name>FieldFilter</name>
    <message>
        <source>Filter by field</source>
        <translation>按字段筛选</translation>
    </message>
    <message>
        <source>F&amp;ield:</source>
        <translation>字段(&amp;I):</translation>
    </message>
    <message>
        <source>Field value</source>
        <translation>字段值</translation>
    </message>
    <message>
        <source>Any field</source>
        <translation>任意字段</translation>
    </message>
    <message>
        <source>Any value</source>
        <translation>任意值</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Equals…</source>
        <translation>等于…</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Prefers not to say</source>
        <translation>不愿透露</translation>
    </message>
    <message>
        <source>Under 50k / year</source>
        <translation>年收入5万以下</translation>
    </message>
    <message>
        <source>50k–150k / year</source>
        <translation>年收入5万–15万</translation>
    </message>
    <message>
        <source>150k–500k / year</source>
        <translation>年收入15万–50万</translation>
    </message>
    <message>
        <source>Over 500k / year</source>
        <translation>年收入50万以上</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>地址2</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Income band</source>
        <translation>收入水平</translation>
    </message>
    <message>
        <source>Under 18</source>
        <translation>18岁以下</translation>
    </message>
    <message>
        <source>65 and over</source>
        <translation>65岁及以上</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Long text</source>
        <translation>长文本</translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>Decimal number</source>
        <translation>小数</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Checkbox</source>
        <translation>复选框</translation>
    </message>
    <message>
        <source>Picklist</source>
        <translation>下拉选项</translation>
    </message>
    <message>
        <source>Multi-select picklist</source>
        <translation>多选选项</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Link to a record</source>
        <translation>关联记录</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Secondary school</source>
        <translation>中学</translation>
    </message>
    <message>
        <source>Vocational college</source>
        <translation>大专</translation>
    </message>
    <message>
        <source>Bachelor&apos;s degree</source>
        <translation>本科</translation>
    </message>
    <message>
        <source>Master&apos;s degree</source>
        <translation>硕士</translation>
    </message>
    <message>
        <source>Doctorate</source>
        <translation>博士</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>CSV (any delimiter), Excel .xlsx or vCard .vcf</source>
        <translation>CSV（任意分隔符）、Excel .xlsx 或 vCard .vcf</translation>
    </message>
    <message>
        <source>What to import</source>
        <translation>导入内容</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>&amp;Encoding</source>
        <translation>编码(&amp;E)</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>&amp;Delimiter</source>
        <translation>分隔符(&amp;D)</translation>
    </message>
    <message>
        <source>Import file</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Importable files (*.csv *.txt *.tsv *.xlsx *.vcf);;All files (*)</source>
        <translation>可导入的文件 (*.csv *.txt *.tsv *.xlsx *.vcf);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FilteredListPage</name>
    <message>
        <source>All owners</source>
        <translation>所有负责人</translation>
    </message>
</context>
<context>
    <name>Forecast</name>
    <message>
        <source>Forecast chart</source>
        <translation>销售预测图表</translation>
    </message>
    <message>
        <source>No open or won opportunities close in this period</source>
        <translation>此期间内没有预计成交的进行中或赢单商机</translation>
    </message>
    <message>
        <source>Forecast by close month (%1)</source>
        <translation>按成交月份的销售预测（%1）</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Best case</source>
        <translation>最佳情况</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权</translation>
    </message>
    <message>
        <source>Thousands of %1</source>
        <translation>单位：千 %1</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>销售管道</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中数量</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>ForecastPage</name>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Next quarter</source>
        <translation>下季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Custom months</source>
        <translation>自定义月份</translation>
    </message>
    <message>
        <source>First month</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>结束月份</translation>
    </message>
    <message>
        <source>Owner filter</source>
        <translation>按负责人筛选</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P):</translation>
    </message>
    <message>
        <source>Own&amp;er:</source>
        <translation>负责人(&amp;E):</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>币种(&amp;U):</translation>
    </message>
    <message>
        <source>Close month</source>
        <translation>成交月份</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Forecast by month</source>
        <translation>按月销售预测</translation>
    </message>
    <message>
        <source>Forecast by owner</source>
        <translation>按负责人销售预测</translation>
    </message>
    <message>
        <source>By &amp;month</source>
        <translation>按月份(&amp;M)</translation>
    </message>
    <message>
        <source>By o&amp;wner</source>
        <translation>按负责人(&amp;W)</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>销售预测</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>（无负责人）</translation>
    </message>
    <message>
        <source>%1 – %2. Commit: open at ≥ %3 % probability plus won; best case: all open plus won; weighted: amount × probability.</source>
        <translation>%1 – %2。承诺：赢率 ≥ %3 % 的进行中商机加上赢单；最佳情况：全部进行中商机加上赢单；加权：金额 × 赢率。</translation>
    </message>
    <message>
        <source>The forecast failed: %1</source>
        <translation>销售预测计算失败：%1</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>所有负责人</translation>
    </message>
</context>
<context>
    <name>GlobalSearchBox</name>
    <message>
        <source>Search everything (Ctrl+K)</source>
        <translation>全局搜索（Ctrl+K）</translation>
    </message>
    <message>
        <source>Search all records</source>
        <translation>搜索所有记录</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配结果</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>This is not a text file (it contains binary data)</source>
        <translation>这不是文本文件（包含二进制数据）</translation>
    </message>
    <message>
        <source>The file is not valid {encoding} text; choose another encoding</source>
        <translation>该文件不是有效的 {encoding} 文本；请选择其他编码</translation>
    </message>
    <message>
        <source>Line {line} is longer than {limit} characters</source>
        <translation>第 {line} 行超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>Line {line}: a cell is longer than {limit} characters (is a quote left open?)</source>
        <translation>第 {line} 行：某个单元格超过 {limit} 个字符（是否有未闭合的引号？）</translation>
    </message>
    <message>
        <source>Line {line} has more than {limit} columns</source>
        <translation>第 {line} 行超过 {limit} 列</translation>
    </message>
    <message>
        <source>Line {line} is not valid {encoding} text; choose another encoding</source>
        <translation>第 {line} 行不是有效的 {encoding} 文本；请选择其他编码</translation>
    </message>
    <message>
        <source>Line {line}: a quote opened here is never closed, so the rest of the file would become one cell; close it or remove it</source>
        <translation>第 {line} 行：此处的引号没有闭合，文件其余部分会变成一个单元格；请闭合或删除它</translation>
    </message>
    <message>
        <source>Line {line} is not valid CSV: {detail}</source>
        <translation>第 {line} 行不是有效的 CSV：{detail}</translation>
    </message>
    <message>
        <source>The file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>The first row has no column names</source>
        <translation>第一行没有列名</translation>
    </message>
    <message>
        <source>Row {line} has more than {limit} columns</source>
        <translation>第 {line} 行超过 {limit} 列</translation>
    </message>
    <message>
        <source>Row {line}: the sheet has more than {limit} cells</source>
        <translation>第 {line} 行：工作表超过 {limit} 个单元格</translation>
    </message>
    <message>
        <source>Row {line}, column {column}: the cell is longer than {limit} characters</source>
        <translation>第 {line} 行第 {column} 列：单元格超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>The Excel file is damaged or not an .xlsx workbook</source>
        <translation>该 Excel 文件已损坏或不是 .xlsx 工作簿</translation>
    </message>
    <message>
        <source>The Excel file unpacks to more than the importer accepts (part {part}: {size} MB); save it as CSV or split it</source>
        <translation>此 Excel 文件解压后超过导入允许的大小（部件 {part}：{size} MB）；请另存为 CSV 或拆分</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Province / state</source>
        <translation>省份/州</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>外部 ID</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Default price</source>
        <translation>默认单价</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>“{value}” is not a date in the format {format}</source>
        <translation>“{value}”不是 {format} 格式的日期</translation>
    </message>
    <message>
        <source>“{value}” is not a percentage</source>
        <translation>“{value}”不是百分比</translation>
    </message>
    <message>
        <source>“{value}” is not yes or no</source>
        <translation>“{value}”不是“是”或“否”</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number</source>
        <translation>“{value}”不是整数</translation>
    </message>
    <message>
        <source>Line {line}: the photo is larger than {limit} characters</source>
        <translation>第 {line} 行：照片超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>Line {line}: the value is longer than {limit} characters</source>
        <translation>第 {line} 行：值超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>Line {line}: a vCard begins inside the one begun on line {begun}; nested vCards are not supported</source>
        <translation>第 {line} 行：一张 vCard 开始于第 {begun} 行开始的 vCard 之内；不支持嵌套的 vCard</translation>
    </message>
    <message>
        <source>No vCard found in the file</source>
        <translation>文件中未找到 vCard</translation>
    </message>
    <message>
        <source>A record with this {key} already exists</source>
        <translation>已存在 {key} 相同的记录</translation>
    </message>
    <message>
        <source>Same {key} as line {line} of this file</source>
        <translation>{key} 与本文件第 {line} 行相同</translation>
    </message>
    <message>
        <source>No existing record with this {key}</source>
        <translation>不存在 {key} 匹配的记录</translation>
    </message>
    <message>
        <source>No {key} to match on</source>
        <translation>没有可用于匹配的 {key}</translation>
    </message>
    <message>
        <source>This import cannot be resumed</source>
        <translation>此导入无法继续</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>导入历史</translation>
    </message>
    <message>
        <source>Past imports</source>
        <translation>以往的导入</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>&amp;Undo import</source>
        <translation>撤销导入(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Resume import</source>
        <translation>继续导入(&amp;R)</translation>
    </message>
    <message>
        <source>Go on with a cancelled, failed or interrupted import after its last saved rows</source>
        <translation>从最后保存的行之后继续已取消、失败或中断的导入</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>Undo the import of “%1”? Created records are deleted and updated ones get their earlier values back.</source>
        <translation>撤销“%1”的导入吗？新建的记录将被删除，更新过的记录将恢复原值。</translation>
    </message>
    <message>
        <source>Undoing import</source>
        <translation>正在撤销导入</translation>
    </message>
    <message>
        <source>%1 fields were changed after the import and were left as they are.</source>
        <translation>%1 个字段在导入后被修改过，已保持不变。</translation>
    </message>
    <message>
        <source>The import could not be undone; nothing was changed: %1</source>
        <translation>无法撤销导入；没有做任何更改：%1</translation>
    </message>
    <message>
        <source>%1 of %2 rows, %3 rows/s</source>
        <translation>%1 / %2 行，每秒 %3 行</translation>
    </message>
    <message>
        <source>Resuming import</source>
        <translation>正在继续导入</translation>
    </message>
    <message>
        <source>Import cancelled again; it can be resumed later.</source>
        <translation>导入再次被取消，稍后可以继续。</translation>
    </message>
    <message>
        <source>Import resumed.</source>
        <translation>导入已继续完成。</translation>
    </message>
    <message>
        <source>Created %1, updated %2, skipped %3.</source>
        <translation>新建 %1，更新 %2，跳过 %3。</translation>
    </message>
    <message>
        <source>The import could not be resumed: %1</source>
        <translation>无法继续导入：%1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>%1 rows, %2 rows/s, about %3 s left</source>
        <translation>%1 行，%2 行/秒，约剩 %3 秒</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>LeadEditor</name>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>No points yet</source>
        <translation>暂无得分项</translation>
    </message>
    <message>
        <source>%1+ employees</source>
        <translation>%1 人以上规模</translation>
    </message>
    <message>
        <source>1 activity</source>
        <translation>1 项活动</translation>
    </message>
    <message>
        <source>%1 activities</source>
        <translation>%1 项活动</translation>
    </message>
    <message>
        <source>has email</source>
        <translation>有邮箱</translation>
    </message>
    <message>
        <source>has phone</source>
        <translation>有电话</translation>
    </message>
    <message>
        <source>has company</source>
        <translation>有公司名称</translation>
    </message>
    <message>
        <source>has title</source>
        <translation>有职务</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Possible duplicate: %1</source>
        <translation>可能重复：%1</translation>
    </message>
    <message>
        <source>Converted %1 into %2. This lead is read-only.</source>
        <translation>已于 %1 转化为 %2。此线索为只读。</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>新线索</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>转化时间</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>姓(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>名(&amp;G):</translation>
    </message>
    <message>
        <source>Co&amp;mpany:</source>
        <translation>公司(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>职务(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>邮箱(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S):</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>状态(&amp;A):</translation>
    </message>
    <message>
        <source>Company si&amp;ze:</source>
        <translation>公司规模(&amp;Z):</translation>
    </message>
    <message>
        <source>Company size (employees)</source>
        <translation>公司规模（员工人数）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source> employees</source>
        <translation> 人</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>城市(&amp;I):</translation>
    </message>
    <message>
        <source>Countr&amp;y:</source>
        <translation>国家/地区(&amp;Y):</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>负责人(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N):</translation>
    </message>
    <message>
        <source>Lead score</source>
        <translation>线索评分</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Score reasons</source>
        <translation>评分依据</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>变更历史(&amp;H)</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>变更历史</translation>
    </message>
    <message>
        <source>When / field</source>
        <translation>时间/字段</translation>
    </message>
    <message>
        <source>Who / old value</source>
        <translation>操作人/原值</translation>
    </message>
    <message>
        <source>What / new value</source>
        <translation>操作/新值</translation>
    </message>
    <message>
        <source>Con&amp;vert…</source>
        <translation>转化(&amp;V)…</translation>
    </message>
    <message>
        <source>Convert into an account, a contact and an opportunity (Ctrl+Shift+V)</source>
        <translation>转化为客户、联系人和商机 (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <source>Convert lead</source>
        <translation>转化线索</translation>
    </message>
</context>
<context>
    <name>LeadListPage</name>
    <message>
        <source>St&amp;atus:</source>
        <translation>状态(&amp;A):</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>负责人(&amp;W):</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有风险</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>已挽回</translation>
    </message>
    <message>
        <source>No order yet</source>
        <translation>尚无订单</translation>
    </message>
    <message>
        <source>Last order {days} days ago (more than {limit}), no running contract</source>
        <translation>最近订单在 {days} 天前（超过 {limit} 天），且无有效合同</translation>
    </message>
    <message>
        <source>Last order {days} days ago (more than {limit})</source>
        <translation>最近订单在 {days} 天前（超过 {limit} 天）</translation>
    </message>
    <message>
        <source>Last order {days} days ago, more than twice the usual {usual} days between orders</source>
        <translation>最近订单在 {days} 天前，超过通常订单间隔 {usual} 天的两倍</translation>
    </message>
    <message>
        <source>Ordered again after a gap of {gap} days</source>
        <translation>间隔 {gap} 天后再次下单</translation>
    </message>
    <message>
        <source>First order {days} days ago</source>
        <translation>首次订单在 {days} 天前</translation>
    </message>
    <message>
        <source>{orders} orders in the last 365 days</source>
        <translation>近 365 天内 {orders} 笔订单</translation>
    </message>
    <message>
        <source>Last order {days} days ago</source>
        <translation>最近订单在 {days} 天前</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Search %1 (Ctrl+F)</source>
        <translation>搜索%1 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search %1</source>
        <translation>搜索%1</translation>
    </message>
    <message>
        <source>Show &amp;all records</source>
        <translation>显示全部记录(&amp;A)</translation>
    </message>
    <message>
        <source>Show all records</source>
        <translation>显示全部记录</translation>
    </message>
    <message>
        <source>%1 list</source>
        <translation>%1列表</translation>
    </message>
    <message>
        <source>Showing only %1.</source>
        <translation>仅显示%1。</translation>
    </message>
    <message>
        <source>Showing only the records you chose elsewhere.</source>
        <translation>仅显示您在其他位置选择的记录。</translation>
    </message>
</context>
<context>
    <name>Loyalty</name>
    <message>
        <source>Earned</source>
        <translation>获得</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>冲回</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>调整</translation>
    </message>
</context>
<context>
    <name>LoyaltySettingsDialog</name>
    <message>
        <source>Loyalty programme</source>
        <translation>积分计划</translation>
    </message>
    <message>
        <source>&amp;Customers earn points for won deals</source>
        <translation>客户可通过赢单商机获得积分(&amp;C)</translation>
    </message>
    <message>
        <source>Programme name</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <source>Points per unit</source>
        <translation>每单位积分</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>points per 1</source>
        <translation>积分 / 每 1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Earning rule:</source>
        <translation>积分规则(&amp;E):</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>From points</source>
        <translation>起始积分</translation>
    </message>
    <message>
        <source>&amp;Tiers (by points ever earned):</source>
        <translation>会员等级（按累计获得积分）(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Add tier</source>
        <translation>添加等级(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove tier</source>
        <translation>删除等级(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Mail</name>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS（端口 587）</translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS（端口 465）</translation>
    </message>
    <message>
        <source>None (local relay only)</source>
        <translation>无（仅限本地中继）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Desk CRM</source>
        <translation>Desk CRM</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>New &amp;contact</source>
        <translation>新建联系人(&amp;C)</translation>
    </message>
    <message>
        <source>New &amp;account</source>
        <translation>新建客户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>搜索(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Desk CRM</source>
        <translation>关于 Desk CRM(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Encryption…</source>
        <translation>加密(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Search &amp;everything</source>
        <translation>全局搜索(&amp;E)</translation>
    </message>
    <message>
        <source>Number of records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Paste cells</source>
        <translation>粘贴单元格</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>删除“%1”</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>That record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>About Desk CRM</source>
        <translation>关于 Desk CRM</translation>
    </message>
    <message>
        <source>Desk CRM %1
An offline-first desktop CRM.

Data file: %2</source>
        <translation>Desk CRM %1
离线优先的桌面 CRM。

数据文件：%2</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Map the columns</source>
        <translation>映射列</translation>
    </message>
    <message>
        <source>Each column of the file becomes a field, or is ignored.</source>
        <translation>文件中的每一列都会对应一个字段，或被忽略。</translation>
    </message>
    <message>
        <source>Mapping preset</source>
        <translation>字段映射预设</translation>
    </message>
    <message>
        <source>&amp;Save mapping…</source>
        <translation>保存字段映射(&amp;S)…</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设:</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>列映射</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>首个值</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>转换</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation>日期格式</translation>
    </message>
    <message>
        <source>Match mode</source>
        <translation>匹配模式</translation>
    </message>
    <message>
        <source>Create new records only</source>
        <translation>仅新建记录</translation>
    </message>
    <message>
        <source>Update existing records only</source>
        <translation>仅更新现有记录</translation>
    </message>
    <message>
        <source>Update existing, create the rest</source>
        <translation>更新现有记录，其余新建</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>模式(&amp;M)</translation>
    </message>
    <message>
        <source>Match on</source>
        <translation>匹配依据</translation>
    </message>
    <message>
        <source>Match &amp;on</source>
        <translation>匹配依据(&amp;O)</translation>
    </message>
    <message>
        <source>S&amp;kip rows with errors</source>
        <translation>跳过有错误的行(&amp;K)</translation>
    </message>
    <message>
        <source>S&amp;top at the first error</source>
        <translation>遇到第一个错误时停止(&amp;T)</translation>
    </message>
    <message>
        <source>Bad rows</source>
        <translation>错误行</translation>
    </message>
    <message>
        <source>Field for %1</source>
        <translation>%1 的字段</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>Transform for %1</source>
        <translation>%1 的转换</translation>
    </message>
    <message>
        <source>Trim</source>
        <translation>去除首尾空格</translation>
    </message>
    <message>
        <source>UPPER CASE</source>
        <translation>大写</translation>
    </message>
    <message>
        <source>lower case</source>
        <translation>小写</translation>
    </message>
    <message>
        <source>Title Case</source>
        <translation>首字母大写</translation>
    </message>
    <message>
        <source>Date in format…</source>
        <translation>指定格式的日期…</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>外部 ID</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <source>Create custom field…</source>
        <translation>创建自定义字段…</translation>
    </message>
    <message>
        <source>(guessed from the headers)</source>
        <translation>（根据表头推测）</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>保存字段映射</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称:</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <source>Campaign members</source>
        <translation>营销活动成员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Set &amp;status of the selected:</source>
        <translation>设置所选成员的状态(&amp;S):</translation>
    </message>
    <message>
        <source>Member status</source>
        <translation>成员状态</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Import addresses (CSV)…</source>
        <translation>导入地址 (CSV)(&amp;I)…</translation>
    </message>
    <message>
        <source>Add from se&amp;gment…</source>
        <translation>从客户分群添加(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Remove from campaign</source>
        <translation>从营销活动中移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Write email…</source>
        <translation>写邮件(&amp;W)…</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>%1 (no marketing mail)</source>
        <translation>%1（不接收营销邮件）</translation>
    </message>
    <message>
        <source>%1 members, %2 of them opted out or bounced</source>
        <translation>%1 名成员，其中 %2 名已退订或邮件退信</translation>
    </message>
    <message>
        <source>Save the campaign first, then add members.</source>
        <translation>请先保存营销活动，再添加成员。</translation>
    </message>
    <message>
        <source>Add from segment</source>
        <translation>从客户分群添加</translation>
    </message>
    <message>
        <source>There are no saved segments yet. Build one under Segments (Ctrl+Shift+J).</source>
        <translation>还没有已保存的客户分群。请先在“客户分群”(Ctrl+Shift+J)中创建。</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>contacts of accounts</source>
        <translation>客户的联系人</translation>
    </message>
    <message>
        <source>&amp;Segment:</source>
        <translation>客户分群(&amp;S):</translation>
    </message>
    <message>
        <source>Adding members…</source>
        <translation>正在添加成员…</translation>
    </message>
    <message>
        <source>The members could not all be added: %1</source>
        <translation>未能添加全部成员：%1</translation>
    </message>
    <message>
        <source>Import e-mail addresses</source>
        <translation>导入邮箱地址</translation>
    </message>
    <message>
        <source>CSV or text files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 或文本文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 members added, %2 were in the campaign already.</source>
        <translation>已添加 %1 名成员，%2 名已在该营销活动中。</translation>
    </message>
    <message>
        <source>No contact or lead has these addresses: %1</source>
        <translation>没有联系人或线索使用这些地址：%1</translation>
    </message>
    <message>
        <source>Not e-mail addresses: %1</source>
        <translation>不是邮箱地址：%1</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Province / state</source>
        <translation>省份/州</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Pick the value to keep in each row; the last column shows the kept contact as it will be saved. Emails, phones and tags of all records are kept; activities, leads, opportunities, tickets, quotes and contracts move to the kept record; the merge can be undone.</source>
        <translation>为每一行选择要保留的值；最后一列显示保留的联系人保存后的样子。所有记录的邮箱、电话和标签都会保留；活动、线索、商机、工单、报价单和合同都会移到保留的记录；合并可以撤销。</translation>
    </message>
    <message>
        <source>Merge accounts</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Pick the value to keep in each row; the last column shows the kept account as it will be saved. Tags of all accounts are kept. Contacts and everything else linked to the other accounts move to the kept one; the merge can be undone.</source>
        <translation>为每一行选择要保留的值；最后一列显示保留的客户保存后的样子。所有客户的标签都会保留。关联到其他客户的联系人及其他所有记录都会移到保留的客户；合并可以撤销。</translation>
    </message>
    <message>
        <source>Account to keep</source>
        <translation>要保留的客户</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source> (kept)</source>
        <translation>（保留）</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>合并结果</translation>
    </message>
    <message>
        <source>Moves to the kept record: %1.</source>
        <translation>将移到保留的记录：%1。</translation>
    </message>
    <message>
        <source>Nothing else is linked to the other records.</source>
        <translation>其他记录没有关联任何其他记录。</translation>
    </message>
    <message>
        <source>Merge contacts</source>
        <translation>合并联系人</translation>
    </message>
    <message>
        <source>&amp;Keep record:</source>
        <translation>保留记录(&amp;K):</translation>
    </message>
    <message>
        <source>Record to keep</source>
        <translation>要保留的记录</translation>
    </message>
    <message>
        <source>Fields side by side</source>
        <translation>字段对照</translation>
    </message>
    <message>
        <source>Emails (all kept)</source>
        <translation>邮箱（全部保留）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phones (all kept)</source>
        <translation>电话（全部保留）</translation>
    </message>
    <message>
        <source>Tags (all kept)</source>
        <translation>标签（全部保留）</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <source>Lifetime value</source>
        <translation>生命周期价值</translation>
    </message>
    <message>
        <source>Too little order history for the fitted model (at least 50 customers and 20 with repeat purchases are needed): lifetime value uses the formula — average order × orders a year × 3 years × (1 − churn risk).</source>
        <translation>订单历史不足，无法拟合模型（至少需要 50 个客户，其中 20 个有重复购买）：生命周期价值按公式计算——平均订单额 × 每年订单数 × 3 年 × (1 − 流失风险)。</translation>
    </message>
    <message>
        <source>Fallback: the lifetime value formula.</source>
        <translation>备用：生命周期价值公式。</translation>
    </message>
    <message>
        <source>Expected value of the next 12 months, top customers (%1)</source>
        <translation>未来 12 个月的预计价值，排名靠前的客户（%1）</translation>
    </message>
    <message>
        <source>12-month CLV</source>
        <translation>12 个月 CLV</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Expected purchases, next 12 months</source>
        <translation>未来 12 个月预计购买次数</translation>
    </message>
    <message>
        <source>P(alive)</source>
        <translation>仍活跃概率</translation>
    </message>
    <message>
        <source>Expected spend per purchase</source>
        <translation>每次预计消费</translation>
    </message>
    <message>
        <source>BG/NBD (r %1, α %2, a %3, b %4) and Gamma-Gamma (p %5, q %6, γ %7) fitted by maximum likelihood on %8 customers&apos; orders up to %9; CLV discounted at %10 % a year.</source>
        <translation>BG/NBD（r %1，α %2，a %3，b %4）与 Gamma-Gamma（p %5，q %6，γ %7）以最大似然法基于 %8 个客户截至 %9 的订单拟合；CLV 按每年 %10 % 折现。</translation>
    </message>
    <message>
        <source>Perfectly calibrated</source>
        <translation>完全校准</translation>
    </message>
    <message>
        <source>Observed (held-out customers)</source>
        <translation>实际（留出客户）</translation>
    </message>
    <message>
        <source>Deciles</source>
        <translation>十分位</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Too little history for a fitted churn model (at least 200 customers and 20 who stayed and 20 who left in each 180-day window): the rule-based churn score is shown instead (overdue order, falling order value, open tickets, SLA breaches, low satisfaction, no recent activity).</source>
        <translation>历史数据不足，无法拟合流失模型（每个 180 天窗口至少需要 200 个客户，其中留存和流失各至少 20 个）：改为显示规则流失评分（订单逾期、订单金额下降、未结工单、SLA 违约、满意度低、近期无活动）。</translation>
    </message>
    <message>
        <source>Too little history for a fitted purchase model (at least 200 customers and 20 who bought and 20 who did not in each 180-day window).</source>
        <translation>历史数据不足，无法拟合购买模型（每个 180 天窗口至少需要 200 个客户，其中购买和未购买各至少 20 个）。</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Fallback: rule-based score.</source>
        <translation>备用：规则评分。</translation>
    </message>
    <message>
        <source>raises the churn risk</source>
        <translation>提高流失风险</translation>
    </message>
    <message>
        <source>raises the chance to buy</source>
        <translation>提高购买概率</translation>
    </message>
    <message>
        <source>lowers the churn risk</source>
        <translation>降低流失风险</translation>
    </message>
    <message>
        <source>lowers the chance to buy</source>
        <translation>降低购买概率</translation>
    </message>
    <message>
        <source>Churn model: predicted against observed churn in the held-out window</source>
        <translation>流失模型：留出窗口中预测与实际流失的对比</translation>
    </message>
    <message>
        <source>Purchase model: predicted against observed buying in the held-out window</source>
        <translation>购买模型：留出窗口中预测与实际购买的对比</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Weight (standardised)</source>
        <translation>权重（标准化）</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Logistic regression trained on features as of %1 with outcomes up to %2 (%3 customers), evaluated on the next 180 days up to %4 (%5 customers, %6 % positive): AUC %7.</source>
        <translation>逻辑回归以截至 %1 的特征及截至 %2 的结果训练（%3 个客户），在随后截至 %4 的 180 天上评估（%5 个客户，正例 %6 %）：AUC %7。</translation>
    </message>
</context>
<context>
    <name>MyDayPage</name>
    <message>
        <source>Whose activities</source>
        <translation>查看谁的活动</translation>
    </message>
    <message>
        <source>New task (N)</source>
        <translation>新建任务 (N)</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>Nothing due. Press N to add a task.</source>
        <translation>没有待办事项。按 N 添加任务。</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Overdue (%1)</source>
        <translation>已逾期（%1）</translation>
    </message>
    <message>
        <source>Today (%1)</source>
        <translation>今天（%1）</translation>
    </message>
    <message>
        <source>Upcoming, next 7 days (%1)</source>
        <translation>即将到来 · 未来 7 天（%1）</translation>
    </message>
    <message>
        <source>%1 — %2 overdue · %3 today · %4 upcoming</source>
        <translation>%1 — 已逾期 %2 · 今天 %3 · 即将到来 %4</translation>
    </message>
</context>
<context>
    <name>NewFieldDialog</name>
    <message>
        <source>Create custom field</source>
        <translation>创建自定义字段</translation>
    </message>
    <message>
        <source>Title in English</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Title in Chinese</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Field type</source>
        <translation>字段类型</translation>
    </message>
    <message>
        <source>&amp;Title (English):</source>
        <translation>英文名称(&amp;T):</translation>
    </message>
    <message>
        <source>Title (&amp;Chinese):</source>
        <translation>中文名称(&amp;C):</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>类型(&amp;Y):</translation>
    </message>
</context>
<context>
    <name>OpportunityEditor</name>
    <message>
        <source>(nobody)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(current)</source>
        <translation>（当前）</translation>
    </message>
    <message>
        <source>%1 (%2 % of %3)</source>
        <translation>%1（%3 × %2 %）</translation>
    </message>
    <message>
        <source>Why was this opportunity won?</source>
        <translation>此商机赢单的原因是什么？</translation>
    </message>
    <message>
        <source>Why was this opportunity lost?</source>
        <translation>此商机输单的原因是什么？</translation>
    </message>
    <message>
        <source>Type a percentage such as 65 or 72.5</source>
        <translation>请输入百分比，例如 65 或 72.5</translation>
    </message>
    <message>
        <source>Pick an account from the suggestions, or clear the field</source>
        <translation>请从建议列表中选择客户，或清空此字段</translation>
    </message>
    <message>
        <source>Say why it was won</source>
        <translation>请填写赢单原因</translation>
    </message>
    <message>
        <source>Say why it was lost</source>
        <translation>请填写输单原因</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>新商机</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Won/lost reason</source>
        <translation>赢单/输单原因</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>客户(&amp;A):</translation>
    </message>
    <message>
        <source>Primary &amp;contact:</source>
        <translation>主要联系人(&amp;C):</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>金额(&amp;M):</translation>
    </message>
    <message>
        <source>Weighted:</source>
        <translation>加权金额:</translation>
    </message>
    <message>
        <source>Weighted amount</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>E&amp;xpected close:</source>
        <translation>预计成交日期(&amp;X):</translation>
    </message>
    <message>
        <source>Expected close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>No expected close date</source>
        <translation>无预计成交日期</translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>阶段(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Probability %:</source>
        <translation>赢率 %(&amp;P):</translation>
    </message>
    <message>
        <source>Probability %</source>
        <translation>赢率 %</translation>
    </message>
    <message>
        <source>stage default</source>
        <translation>阶段默认值</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>负责人(&amp;W):</translation>
    </message>
    <message>
        <source>N&amp;ext step:</source>
        <translation>下一步(&amp;E):</translation>
    </message>
    <message>
        <source>Won/lost &amp;reason:</source>
        <translation>赢单/输单原因(&amp;R):</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O):</translation>
    </message>
    <message>
        <source>S&amp;tage history</source>
        <translation>阶段历史(&amp;T)</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>阶段历史</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>进入时间</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <source>Time in stage</source>
        <translation>停留时长</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>变更历史(&amp;H)</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>变更历史</translation>
    </message>
    <message>
        <source>When / field</source>
        <translation>时间/字段</translation>
    </message>
    <message>
        <source>Who / old value</source>
        <translation>操作人/原值</translation>
    </message>
    <message>
        <source>What / new value</source>
        <translation>操作/新值</translation>
    </message>
</context>
<context>
    <name>OpportunityListPage</name>
    <message>
        <source>O&amp;wner:</source>
        <translation>负责人(&amp;W):</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>S&amp;tage:</source>
        <translation>阶段(&amp;T):</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>C&amp;loses in:</source>
        <translation>成交月份(&amp;L):</translation>
    </message>
    <message>
        <source>Close month</source>
        <translation>成交月份</translation>
    </message>
    <message>
        <source>No next step &amp;only</source>
        <translation>仅显示无下一步(&amp;O)</translation>
    </message>
    <message>
        <source>Any month</source>
        <translation>任意月份</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>所有阶段</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Next try / sent</source>
        <translation>下次重试/发送时间</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>The outbox is empty. E-mails sent to contacts or campaign members wait here until the mail server has taken them.</source>
        <translation>发件箱是空的。发给联系人或营销活动成员的邮件会在这里等待，直到邮件服务器接收为止。</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>立即发送(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel mail</source>
        <translation>取消邮件(&amp;N)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Interrupted while sending: it may have been delivered. Check before you retry.</source>
        <translation>发送过程中被中断：邮件可能已送达。重试前请先确认。</translation>
    </message>
    <message>
        <source>Opted out since it was queued</source>
        <translation>加入队列后收件人已退订</translation>
    </message>
    <message>
        <source>The address bounced since it was queued</source>
        <translation>加入队列后该地址已退信</translation>
    </message>
    <message>
        <source>The contact was deleted</source>
        <translation>该联系人已被删除</translation>
    </message>
    <message>
        <source>Set up the mail server first (Settings → Mail server…).</source>
        <translation>请先设置邮件服务器（设置 → 邮件服务器…）。</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>邮件服务器</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 的密码:</translation>
    </message>
    <message>
        <source>Sending e-mail</source>
        <translation>正在发送邮件</translation>
    </message>
    <message>
        <source>The mail server could not be reached; the mails stay queued and are tried again later.

%1</source>
        <translation>无法连接邮件服务器；邮件将保留在队列中，稍后重试。

%1</translation>
    </message>
    <message>
        <source>Sent: %1 · to retry later: %2 · failed: %3 · left out (opted out or bounced): %4</source>
        <translation>已发送：%1 · 稍后重试：%2 · 失败：%3 · 已排除（已退订或退信）：%4</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Won – %1</source>
        <translation>赢单 – %1</translation>
    </message>
    <message>
        <source>Lost – %1</source>
        <translation>输单 – %1</translation>
    </message>
    <message>
        <source>Why was it won? (moving to “%1”)</source>
        <translation>赢单的原因是什么？（移至“%1”）</translation>
    </message>
    <message>
        <source>Why was it lost? (moving to “%1”)</source>
        <translation>输单的原因是什么？（移至“%1”）</translation>
    </message>
    <message>
        <source>A reason is needed to move it to “%1”:</source>
        <translation>移至“%1”需要填写原因:</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>重复密码短语</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>记住在系统钥匙串中(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密码短语(&amp;P):</translation>
    </message>
    <message>
        <source>R&amp;epeat:</source>
        <translation>重复(&amp;E):</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码短语不一致。</translation>
    </message>
</context>
<context>
    <name>PointListEditor</name>
    <message>
        <source>Add email</source>
        <translation>添加邮箱</translation>
    </message>
    <message>
        <source>Add phone</source>
        <translation>添加电话</translation>
    </message>
</context>
<context>
    <name>PointsTab</name>
    <message>
        <source>&amp;Redeem points…</source>
        <translation>兑换积分(&amp;R)…</translation>
    </message>
    <message>
        <source>Points ledger</source>
        <translation>积分明细</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Balance / note</source>
        <translation>余额/备注</translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>积分(&amp;P)</translation>
    </message>
    <message>
        <source>Save first to collect points.</source>
        <translation>请先保存，才能累积积分。</translation>
    </message>
    <message>
        <source>Balance: %1 points · Tier: %2</source>
        <translation>余额：%1 积分 · 会员等级：%2</translation>
    </message>
    <message>
        <source> · %1 more to %2</source>
        <translation> · 距%2还差 %1 积分</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>Points to redeem (balance %1):</source>
        <translation>要兑换的积分（余额 %1）:</translation>
    </message>
    <message>
        <source>For what (optional):</source>
        <translation>兑换用途（可选）:</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>您的姓名(&amp;Y):</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Recorded in the history of every change you make; the records you create are yours (their owner) unless you choose someone else</source>
        <translation>记录在您所做每项更改的历史中；您新建的记录默认归您所有（负责人），除非另选他人</translation>
    </message>
    <message>
        <source>Default &amp;phone region:</source>
        <translation>默认电话地区(&amp;P):</translation>
    </message>
    <message>
        <source>Default phone region</source>
        <translation>默认电话地区</translation>
    </message>
    <message>
        <source>Numbers typed without a +country code are read as numbers of this region</source>
        <translation>输入时未带“+国家/地区代码”的号码，将按此地区的号码解析</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L):</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Changes take effect the next time Desk CRM starts.</source>
        <translation>更改将在下次启动 Desk CRM 时生效。</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>The first rows as they will be saved. Cells with a problem are marked; point at one to read why.</source>
        <translation>以下是前几行保存后的样子。有问题的单元格已标出；将鼠标指向单元格可查看原因。</translation>
    </message>
    <message>
        <source>Preview summary</source>
        <translation>预览摘要</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <source>Probably already in the database: %1</source>
        <translation>数据库中可能已有:%1</translation>
    </message>
    <message>
        <source>%1 rows shown, %2 with problems.</source>
        <translation>显示 %1 行，其中 %2 行有问题。</translation>
    </message>
    <message>
        <source>%1 probably already in the database.</source>
        <translation>%1 条可能已在数据库中。</translation>
    </message>
</context>
<context>
    <name>PriceBookDialog</name>
    <message>
        <source>Price books</source>
        <translation>价格表</translation>
    </message>
    <message>
        <source>&amp;Book:</source>
        <translation>价格表(&amp;B):</translation>
    </message>
    <message>
        <source>Price book</source>
        <translation>价格表</translation>
    </message>
    <message>
        <source>&amp;Default for new quotes</source>
        <translation>新报价单默认使用(&amp;D)</translation>
    </message>
    <message>
        <source>A&amp;ctive</source>
        <translation>启用(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New book…</source>
        <translation>新建价格表(&amp;N)…</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Default price</source>
        <translation>默认价格</translation>
    </message>
    <message>
        <source>Book price</source>
        <translation>价格表价格</translation>
    </message>
    <message>
        <source>New price book</source>
        <translation>新建价格表</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称:</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>币种:</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <source>&amp;Product</source>
        <translation>产品(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Active (offered on new quotes)</source>
        <translation>启用（可用于新报价单）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>编码(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U):</translation>
    </message>
    <message>
        <source>Default &amp;price:</source>
        <translation>默认价格(&amp;P):</translation>
    </message>
    <message>
        <source>Cu&amp;rrency:</source>
        <translation>币种(&amp;R):</translation>
    </message>
    <message>
        <source>Tax cate&amp;gory:</source>
        <translation>税类(&amp;G):</translation>
    </message>
    <message>
        <source>&amp;Tax rate %:</source>
        <translation>税率 %(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D):</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation>历史(&amp;S)</translation>
    </message>
    <message>
        <source>Product %1</source>
        <translation>产品 %1</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新产品</translation>
    </message>
</context>
<context>
    <name>Propensity</name>
    <message>
        <source>Days since the last order: {value} (typical {typical})</source>
        <translation>距上次下单天数：{value}（一般为 {typical}）</translation>
    </message>
    <message>
        <source>Orders so far: {value} (typical {typical})</source>
        <translation>迄今订单数：{value}（一般为 {typical}）</translation>
    </message>
    <message>
        <source>Spent so far: {value} (typical {typical})</source>
        <translation>迄今消费：{value}（一般为 {typical}）</translation>
    </message>
    <message>
        <source>Orders in the last 90 days: {value} (typical {typical})</source>
        <translation>最近 90 天订单数：{value}（一般为 {typical}）</translation>
    </message>
    <message>
        <source>Days since the first order: {value} (typical {typical})</source>
        <translation>距首次下单天数：{value}（一般为 {typical}）</translation>
    </message>
    <message>
        <source>Activities in the last 90 days: {value} (typical {typical})</source>
        <translation>最近 90 天活动数：{value}（一般为 {typical}）</translation>
    </message>
    <message>
        <source>Days since the last activity: {value} (typical {typical})</source>
        <translation>距上次活动天数：{value}（一般为 {typical}）</translation>
    </message>
    <message>
        <source>Tickets in the last 90 days: {value} (typical {typical})</source>
        <translation>最近 90 天工单数：{value}（一般为 {typical}）</translation>
    </message>
    <message>
        <source>SLA breaches so far: {value} (typical {typical})</source>
        <translation>迄今 SLA 违约次数：{value}（一般为 {typical}）</translation>
    </message>
    <message>
        <source>Mean satisfaction (CSAT): {value} / 5 (typical {typical})</source>
        <translation>平均满意度（CSAT）：{value} / 5（一般为 {typical}）</translation>
    </message>
    <message>
        <source>Campaign responses so far: {value} (typical {typical})</source>
        <translation>迄今营销活动响应数：{value}（一般为 {typical}）</translation>
    </message>
    <message>
        <source>Days since the last order</source>
        <translation>距上次下单天数</translation>
    </message>
    <message>
        <source>Orders so far (log)</source>
        <translation>迄今订单数（对数）</translation>
    </message>
    <message>
        <source>Spent so far (log)</source>
        <translation>迄今消费（对数）</translation>
    </message>
    <message>
        <source>Orders in the last 90 days</source>
        <translation>最近 90 天订单数</translation>
    </message>
    <message>
        <source>Days since the first order</source>
        <translation>距首次下单天数</translation>
    </message>
    <message>
        <source>Activities in the last 90 days</source>
        <translation>最近 90 天活动数</translation>
    </message>
    <message>
        <source>Days since the last activity</source>
        <translation>距上次活动天数</translation>
    </message>
    <message>
        <source>Tickets in the last 90 days</source>
        <translation>最近 90 天工单数</translation>
    </message>
    <message>
        <source>SLA breaches</source>
        <translation>SLA 违约次数</translation>
    </message>
    <message>
        <source>Mean satisfaction (CSAT)</source>
        <translation>平均满意度（CSAT）</translation>
    </message>
    <message>
        <source>Campaign responses</source>
        <translation>营销活动响应数</translation>
    </message>
    <message>
        <source>{title}: {value} (typical {typical})</source>
        <translation>{title}：{value}（一般为 {typical}）</translation>
    </message>
</context>
<context>
    <name>QuoteActions</name>
    <message>
        <source>A&amp;pprove…</source>
        <translation>审批(&amp;P)…</translation>
    </message>
    <message>
        <source>Mark s&amp;ent</source>
        <translation>标记为已发送(&amp;E)</translation>
    </message>
    <message>
        <source>Accep&amp;t</source>
        <translation>接受(&amp;T)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>拒绝(&amp;J)</translation>
    </message>
    <message>
        <source>New re&amp;vision</source>
        <translation>新版本(&amp;V)</translation>
    </message>
    <message>
        <source>Open P&amp;DF</source>
        <translation>打开 PDF(&amp;D)</translation>
    </message>
    <message>
        <source>Save PDF &amp;as…</source>
        <translation>PDF 另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>E&amp;mail…</source>
        <translation>发送邮件(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Contract…</source>
        <translation>合同(&amp;C)…</translation>
    </message>
    <message>
        <source>Save your changes first.</source>
        <translation>请先保存您的更改。</translation>
    </message>
    <message>
        <source>Nobody may approve discounts yet: give a user the approver role in Settings › Quotes.</source>
        <translation>目前还没有人可以审批折扣：请在“设置 › 报价单”中为某个用户指定审批人角色。</translation>
    </message>
    <message>
        <source>Approve discount</source>
        <translation>审批折扣</translation>
    </message>
    <message>
        <source>Approved by:</source>
        <translation>审批人:</translation>
    </message>
    <message>
        <source>Rendering %1</source>
        <translation>正在生成 %1</translation>
    </message>
    <message>
        <source>Creating the PDF</source>
        <translation>正在创建 PDF</translation>
    </message>
    <message>
        <source>The PDF could not be written:
%1</source>
        <translation>无法写入 PDF：
%1</translation>
    </message>
    <message>
        <source>Save the quote as PDF</source>
        <translation>将报价单保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Quote %1</source>
        <translation>报价单 %1</translation>
    </message>
    <message>
        <source>Dear %1,

please find our quote %2 attached.

Kind regards</source>
        <translation>%1，您好：

附件是我们的报价单 %2，请查收。

此致敬礼</translation>
    </message>
</context>
<context>
    <name>QuoteDocument</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>discount approval pending</source>
        <translation>折扣待审批</translation>
    </message>
    <message>
        <source>discount approved by %1</source>
        <translation>折扣已由 %1 审批</translation>
    </message>
    <message>
        <source>Tax %1 on %2</source>
        <translation>税 %1（计税金额 %2）</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>有效期至:</translation>
    </message>
    <message>
        <source>Prepared for</source>
        <translation>致</translation>
    </message>
    <message>
        <source>Regarding</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>条款</translation>
    </message>
</context>
<context>
    <name>QuoteEditor</name>
    <message>
        <source>&amp;Quote</source>
        <translation>报价单(&amp;Q)</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Price book</source>
        <translation>价格表</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>10% or an amount</source>
        <translation>10% 或金额</translation>
    </message>
    <message>
        <source>Document discount</source>
        <translation>整单折扣</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>O&amp;pportunity:</source>
        <translation>商机(&amp;P):</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>币种(&amp;U):</translation>
    </message>
    <message>
        <source>Price &amp;book:</source>
        <translation>价格表(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Issued:</source>
        <translation>开具日期(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Valid until:</source>
        <translation>有效期至(&amp;V):</translation>
    </message>
    <message>
        <source>Disc&amp;ount:</source>
        <translation>折扣(&amp;O):</translation>
    </message>
    <message>
        <source>S&amp;hipping:</source>
        <translation>运费(&amp;H):</translation>
    </message>
    <message>
        <source>Product to add</source>
        <translation>要添加的产品</translation>
    </message>
    <message>
        <source>&amp;Add product</source>
        <translation>添加产品(&amp;A)</translation>
    </message>
    <message>
        <source>Add &amp;free line</source>
        <translation>添加自由明细行(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>删除明细行(&amp;R)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the line up (Ctrl+Up)</source>
        <translation>上移明细行（Ctrl+Up）</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the line down (Ctrl+Down)</source>
        <translation>下移明细行（Ctrl+Down）</translation>
    </message>
    <message>
        <source>Line items</source>
        <translation>明细行</translation>
    </message>
    <message>
        <source>&amp;Terms:</source>
        <translation>条款(&amp;T):</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Earlier revisions open read-only (Enter or double-click).</source>
        <translation>早期版本以只读方式打开（按 Enter 或双击）。</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Re&amp;visions</source>
        <translation>版本(&amp;V)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation>历史(&amp;S)</translation>
    </message>
    <message>
        <source>(default prices)</source>
        <translation>（默认价格）</translation>
    </message>
    <message>
        <source>New quote</source>
        <translation>新报价单</translation>
    </message>
    <message>
        <source>Quote %1</source>
        <translation>报价单 %1</translation>
    </message>
    <message>
        <source> · superseded by a later revision (read-only)</source>
        <translation> · 已被更新的版本取代（只读）</translation>
    </message>
    <message>
        <source> · ⚠ discount needs approval</source>
        <translation> · ⚠ 折扣需要审批</translation>
    </message>
    <message>
        <source> · approved by %1</source>
        <translation> · 已由 %1 审批</translation>
    </message>
    <message>
        <source>This quote was sent: saving changes creates revision %1.</source>
        <translation>此报价单已发送：保存更改将创建版本 %1。</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Tax %1</source>
        <translation>税 %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>Overall discount</source>
        <translation>整单折扣</translation>
    </message>
</context>
<context>
    <name>QuoteLinesModel</name>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Tax %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>QuoteListPage</name>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T):</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
</context>
<context>
    <name>QuoteLists</name>
    <message>
        <source>⚠ Needs approval</source>
        <translation>⚠ 需要审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Default price</source>
        <translation>默认价格</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Rev.</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>QuoteSettings</name>
    <message>
        <source>Prices valid until the expiry date. Payment within 30 days.</source>
        <translation>价格在报价有效期内有效。30 日内付款。</translation>
    </message>
</context>
<context>
    <name>QuoteSettingsDialog</name>
    <message>
        <source>Quotes</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source> days before the notice deadline</source>
        <translation> 天（通知期截止前）</translation>
    </message>
    <message>
        <source>Quote &amp;numbers:</source>
        <translation>报价单编号(&amp;N):</translation>
    </message>
    <message>
        <source>C&amp;ontract numbers:</source>
        <translation>合同编号(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Approval above discount %:</source>
        <translation>折扣超过此百分比需审批(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Renewal reminder:</source>
        <translation>续约提醒(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>公司(&amp;C):</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D):</translation>
    </message>
    <message>
        <source>Default &amp;terms:</source>
        <translation>默认条款(&amp;T):</translation>
    </message>
    <message>
        <source>A&amp;pprovers:</source>
        <translation>审批人(&amp;P):</translation>
    </message>
    <message>
        <source>Patterns use {seq} and {year}, e.g. Q-{year}-{seq:05d}.</source>
        <translation>格式中可使用 {seq} 和 {year}，例如 Q-{year}-{seq:05d}。</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Created %1 · Updated %2 · Version %3</source>
        <translation>创建于 %1 · 更新于 %2 · 版本 %3</translation>
    </message>
    <message>
        <source>created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>Custom &amp;fields</source>
        <translation>自定义字段(&amp;F)</translation>
    </message>
    <message>
        <source>%1 (merged record)</source>
        <translation>%1(合并的记录)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>This record was deleted while you edited it. Undo the delete first, then save again.</source>
        <translation>您编辑期间，此记录已被删除。请先撤销删除，然后再保存。</translation>
    </message>
    <message>
        <source>Someone saved this record after you opened it.

Save anyway and overwrite their changes with yours?</source>
        <translation>在您打开此记录后，有人保存了它。

仍要保存，并用您的修改覆盖对方的修改吗？</translation>
    </message>
    <message>
        <source>Save your changes before closing?</source>
        <translation>关闭前是否保存更改？</translation>
    </message>
    <message>
        <source>Correct the marked fields first.</source>
        <translation>请先更正标记的字段。</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <source>Ascension Island</source>
        <translation>阿森松岛</translation>
    </message>
    <message>
        <source>Andorra</source>
        <translation>安道尔</translation>
    </message>
    <message>
        <source>United Arab Emirates</source>
        <translation>阿拉伯联合酋长国</translation>
    </message>
    <message>
        <source>Afghanistan</source>
        <translation>阿富汗</translation>
    </message>
    <message>
        <source>Antigua and Barbuda</source>
        <translation>安提瓜和巴布达</translation>
    </message>
    <message>
        <source>Anguilla</source>
        <translation>安圭拉</translation>
    </message>
    <message>
        <source>Albania</source>
        <translation>阿尔巴尼亚</translation>
    </message>
    <message>
        <source>Armenia</source>
        <translation>亚美尼亚</translation>
    </message>
    <message>
        <source>Angola</source>
        <translation>安哥拉</translation>
    </message>
    <message>
        <source>Argentina</source>
        <translation>阿根廷</translation>
    </message>
    <message>
        <source>American Samoa</source>
        <translation>东萨摩亚</translation>
    </message>
    <message>
        <source>Austria</source>
        <translation>奥地利</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>澳大利亚</translation>
    </message>
    <message>
        <source>Aruba</source>
        <translation>阿鲁巴</translation>
    </message>
    <message>
        <source>Åland Islands</source>
        <translation>奥兰群岛</translation>
    </message>
    <message>
        <source>Azerbaijan</source>
        <translation>阿塞拜疆</translation>
    </message>
    <message>
        <source>Bosnia and Herzegovina</source>
        <translation>波斯尼亚和黑山共和国</translation>
    </message>
    <message>
        <source>Barbados</source>
        <translation>巴巴多斯</translation>
    </message>
    <message>
        <source>Bangladesh</source>
        <translation>孟加拉</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>比利时</translation>
    </message>
    <message>
        <source>Burkina Faso</source>
        <translation>布基纳法索</translation>
    </message>
    <message>
        <source>Bulgaria</source>
        <translation>保加利亚</translation>
    </message>
    <message>
        <source>Bahrain</source>
        <translation>巴林</translation>
    </message>
    <message>
        <source>Burundi</source>
        <translation>布隆迪</translation>
    </message>
    <message>
        <source>Benin</source>
        <translation>贝宁</translation>
    </message>
    <message>
        <source>Saint Barthélemy</source>
        <translation>圣巴泰勒米岛</translation>
    </message>
    <message>
        <source>Bermuda</source>
        <translation>百慕大</translation>
    </message>
    <message>
        <source>Brunei</source>
        <translation>文莱</translation>
    </message>
    <message>
        <source>Bolivia</source>
        <translation>玻利维亚</translation>
    </message>
    <message>
        <source>Bonaire, Sint Eustatius and Saba</source>
        <translation>博奈尔岛, 圣尤斯特歇斯岛和萨巴岛</translation>
    </message>
    <message>
        <source>Brazil</source>
        <translation>巴西</translation>
    </message>
    <message>
        <source>Bahamas</source>
        <translation>巴哈马</translation>
    </message>
    <message>
        <source>Bhutan</source>
        <translation>不丹</translation>
    </message>
    <message>
        <source>Botswana</source>
        <translation>博茨瓦纳</translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation>白俄罗斯</translation>
    </message>
    <message>
        <source>Belize</source>
        <translation>伯里兹</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>加拿大</translation>
    </message>
    <message>
        <source>Cocos Islands</source>
        <translation>科库斯群岛</translation>
    </message>
    <message>
        <source>The Democratic Republic Of Congo</source>
        <translation>刚果民主共和国</translation>
    </message>
    <message>
        <source>Central African Republic</source>
        <translation>中非共和国</translation>
    </message>
    <message>
        <source>Congo</source>
        <translation>刚果</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>瑞士</translation>
    </message>
    <message>
        <source>Côte d&apos;Ivoire</source>
        <translation>象牙海岸</translation>
    </message>
    <message>
        <source>Cook Islands</source>
        <translation>库克群岛</translation>
    </message>
    <message>
        <source>Chile</source>
        <translation>智利</translation>
    </message>
    <message>
        <source>Cameroon</source>
        <translation>喀麦隆</translation>
    </message>
    <message>
        <source>China</source>
        <translation>中国</translation>
    </message>
    <message>
        <source>Colombia</source>
        <translation>哥伦比亚</translation>
    </message>
    <message>
        <source>Costa Rica</source>
        <translation>哥斯达黎加</translation>
    </message>
    <message>
        <source>Cuba</source>
        <translation>古巴</translation>
    </message>
    <message>
        <source>Cape Verde</source>
        <translation>佛得角</translation>
    </message>
    <message>
        <source>Curaçao</source>
        <translation>库拉索岛</translation>
    </message>
    <message>
        <source>Christmas Island</source>
        <translation>圣诞岛</translation>
    </message>
    <message>
        <source>Cyprus</source>
        <translation>塞浦路斯</translation>
    </message>
    <message>
        <source>Czech Republic</source>
        <translation>捷克共和国</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>德国</translation>
    </message>
    <message>
        <source>Djibouti</source>
        <translation>吉布提</translation>
    </message>
    <message>
        <source>Denmark</source>
        <translation>丹麦</translation>
    </message>
    <message>
        <source>Dominica</source>
        <translation>多米尼加联邦</translation>
    </message>
    <message>
        <source>Dominican Republic</source>
        <translation>多米尼加共和国</translation>
    </message>
    <message>
        <source>Algeria</source>
        <translation>阿尔及利亚</translation>
    </message>
    <message>
        <source>Ecuador</source>
        <translation>厄瓜多尔</translation>
    </message>
    <message>
        <source>Estonia</source>
        <translation>爱沙尼亚</translation>
    </message>
    <message>
        <source>Egypt</source>
        <translation>埃及</translation>
    </message>
    <message>
        <source>Western Sahara</source>
        <translation>西撒哈拉</translation>
    </message>
    <message>
        <source>Eritrea</source>
        <translation>厄里特尼亚</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation>西班牙</translation>
    </message>
    <message>
        <source>Ethiopia</source>
        <translation>埃塞俄比亚</translation>
    </message>
    <message>
        <source>Finland</source>
        <translation>芬兰</translation>
    </message>
    <message>
        <source>Fiji</source>
        <translation>斐济</translation>
    </message>
    <message>
        <source>Falkland Islands</source>
        <translation>富克兰群岛</translation>
    </message>
    <message>
        <source>Micronesia</source>
        <translation>密克罗尼西亚</translation>
    </message>
    <message>
        <source>Faroe Islands</source>
        <translation>法罗群岛</translation>
    </message>
    <message>
        <source>France</source>
        <translation>法国</translation>
    </message>
    <message>
        <source>Gabon</source>
        <translation>加蓬</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>Grenada</source>
        <translation>格林纳达</translation>
    </message>
    <message>
        <source>Georgia</source>
        <translation>格鲁吉亚</translation>
    </message>
    <message>
        <source>French Guiana</source>
        <translation>法属圭亚那</translation>
    </message>
    <message>
        <source>Guernsey</source>
        <translation>格恩西岛</translation>
    </message>
    <message>
        <source>Ghana</source>
        <translation>加纳</translation>
    </message>
    <message>
        <source>Gibraltar</source>
        <translation>直布罗陀</translation>
    </message>
    <message>
        <source>Greenland</source>
        <translation>格陵兰</translation>
    </message>
    <message>
        <source>Gambia</source>
        <translation>冈比亚</translation>
    </message>
    <message>
        <source>Guinea</source>
        <translation>几内亚</translation>
    </message>
    <message>
        <source>Guadeloupe</source>
        <translation>瓜德罗普岛</translation>
    </message>
    <message>
        <source>Equatorial Guinea</source>
        <translation>赤道几内亚</translation>
    </message>
    <message>
        <source>Greece</source>
        <translation>希腊</translation>
    </message>
    <message>
        <source>Guatemala</source>
        <translation>危地马拉</translation>
    </message>
    <message>
        <source>Guam</source>
        <translation>关岛</translation>
    </message>
    <message>
        <source>Guinea-Bissau</source>
        <translation>几内亚比绍共和国</translation>
    </message>
    <message>
        <source>Guyana</source>
        <translation>圭亚那</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>香港</translation>
    </message>
    <message>
        <source>Honduras</source>
        <translation>洪都拉斯</translation>
    </message>
    <message>
        <source>Croatia</source>
        <translation>克罗地亚</translation>
    </message>
    <message>
        <source>Haiti</source>
        <translation>海地</translation>
    </message>
    <message>
        <source>Hungary</source>
        <translation>匈牙利</translation>
    </message>
    <message>
        <source>Indonesia</source>
        <translation>印度尼西亚</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>爱尔兰</translation>
    </message>
    <message>
        <source>Israel</source>
        <translation>以色列</translation>
    </message>
    <message>
        <source>Isle Of Man</source>
        <translation>曼岛</translation>
    </message>
    <message>
        <source>India</source>
        <translation>印度</translation>
    </message>
    <message>
        <source>British Indian Ocean Territory</source>
        <translation>英属印度洋领地</translation>
    </message>
    <message>
        <source>Iraq</source>
        <translation>伊拉克</translation>
    </message>
    <message>
        <source>Iran</source>
        <translation>伊朗</translation>
    </message>
    <message>
        <source>Iceland</source>
        <translation>冰岛</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>意大利</translation>
    </message>
    <message>
        <source>Jersey</source>
        <translation>泽西岛</translation>
    </message>
    <message>
        <source>Jamaica</source>
        <translation>牙买加</translation>
    </message>
    <message>
        <source>Jordan</source>
        <translation>约旦</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>Kenya</source>
        <translation>肯尼亚</translation>
    </message>
    <message>
        <source>Kyrgyzstan</source>
        <translation>吉尔吉克斯坦</translation>
    </message>
    <message>
        <source>Cambodia</source>
        <translation>柬埔寨</translation>
    </message>
    <message>
        <source>Kiribati</source>
        <translation>基里巴斯</translation>
    </message>
    <message>
        <source>Comoros</source>
        <translation>科摩罗</translation>
    </message>
    <message>
        <source>Saint Kitts And Nevis</source>
        <translation>圣基茨和尼维斯</translation>
    </message>
    <message>
        <source>North Korea</source>
        <translation>朝鲜</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>韩国</translation>
    </message>
    <message>
        <source>Kuwait</source>
        <translation>科威特</translation>
    </message>
    <message>
        <source>Cayman Islands</source>
        <translation>开曼群岛</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>哈萨克斯坦</translation>
    </message>
    <message>
        <source>Laos</source>
        <translation>老挝</translation>
    </message>
    <message>
        <source>Lebanon</source>
        <translation>黎巴嫩</translation>
    </message>
    <message>
        <source>Saint Lucia</source>
        <translation>圣卢西亚</translation>
    </message>
    <message>
        <source>Liechtenstein</source>
        <translation>列支敦士登</translation>
    </message>
    <message>
        <source>Sri Lanka</source>
        <translation>斯里兰卡</translation>
    </message>
    <message>
        <source>Liberia</source>
        <translation>利比里亚</translation>
    </message>
    <message>
        <source>Lesotho</source>
        <translation>莱索托</translation>
    </message>
    <message>
        <source>Lithuania</source>
        <translation>立陶宛</translation>
    </message>
    <message>
        <source>Luxembourg</source>
        <translation>卢森堡</translation>
    </message>
    <message>
        <source>Latvia</source>
        <translation>拉脱维亚</translation>
    </message>
    <message>
        <source>Libya</source>
        <translation>利比亚</translation>
    </message>
    <message>
        <source>Morocco</source>
        <translation>摩洛哥</translation>
    </message>
    <message>
        <source>Monaco</source>
        <translation>摩纳哥</translation>
    </message>
    <message>
        <source>Moldova</source>
        <translation>摩尔多瓦</translation>
    </message>
    <message>
        <source>Montenegro</source>
        <translation>黑山</translation>
    </message>
    <message>
        <source>Saint Martin</source>
        <translation>圣马丁</translation>
    </message>
    <message>
        <source>Madagascar</source>
        <translation>马达加斯加</translation>
    </message>
    <message>
        <source>Marshall Islands</source>
        <translation>马绍尔群岛</translation>
    </message>
    <message>
        <source>Macedonia</source>
        <translation>马其顿王国</translation>
    </message>
    <message>
        <source>Mali</source>
        <translation>马里</translation>
    </message>
    <message>
        <source>Myanmar</source>
        <translation>缅甸</translation>
    </message>
    <message>
        <source>Mongolia</source>
        <translation>蒙古</translation>
    </message>
    <message>
        <source>Macao</source>
        <translation>澳门特区</translation>
    </message>
    <message>
        <source>Northern Mariana Islands</source>
        <translation>美属北马里亚纳群岛</translation>
    </message>
    <message>
        <source>Martinique</source>
        <translation>马提尼克岛</translation>
    </message>
    <message>
        <source>Mauritania</source>
        <translation>毛里塔尼亚</translation>
    </message>
    <message>
        <source>Montserrat</source>
        <translation>蒙特塞拉群岛</translation>
    </message>
    <message>
        <source>Malta</source>
        <translation>马耳他</translation>
    </message>
    <message>
        <source>Mauritius</source>
        <translation>毛里求斯</translation>
    </message>
    <message>
        <source>Maldives</source>
        <translation>马尔代夫</translation>
    </message>
    <message>
        <source>Malawi</source>
        <translation>马拉维</translation>
    </message>
    <message>
        <source>Mexico</source>
        <translation>墨西哥</translation>
    </message>
    <message>
        <source>Malaysia</source>
        <translation>马来西亚</translation>
    </message>
    <message>
        <source>Mozambique</source>
        <translation>莫桑比克</translation>
    </message>
    <message>
        <source>Namibia</source>
        <translation>纳米比亚</translation>
    </message>
    <message>
        <source>New Caledonia</source>
        <translation>新克里多尼亚群岛</translation>
    </message>
    <message>
        <source>Niger</source>
        <translation>尼日尔</translation>
    </message>
    <message>
        <source>Norfolk Island</source>
        <translation>诺福克岛</translation>
    </message>
    <message>
        <source>Nigeria</source>
        <translation>尼日利亚</translation>
    </message>
    <message>
        <source>Nicaragua</source>
        <translation>尼加拉瓜</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>荷兰</translation>
    </message>
    <message>
        <source>Norway</source>
        <translation>挪威</translation>
    </message>
    <message>
        <source>Nepal</source>
        <translation>尼泊尔</translation>
    </message>
    <message>
        <source>Nauru</source>
        <translation>瑙鲁</translation>
    </message>
    <message>
        <source>Niue</source>
        <translation>纽埃岛</translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation>新西兰</translation>
    </message>
    <message>
        <source>Oman</source>
        <translation>阿曼</translation>
    </message>
    <message>
        <source>Panama</source>
        <translation>巴拿马</translation>
    </message>
    <message>
        <source>Peru</source>
        <translation>秘鲁</translation>
    </message>
    <message>
        <source>French Polynesia</source>
        <translation>法属玻利尼西亚</translation>
    </message>
    <message>
        <source>Papua New Guinea</source>
        <translation>巴布亚新几内亚</translation>
    </message>
    <message>
        <source>Philippines</source>
        <translation>菲律宾</translation>
    </message>
    <message>
        <source>Pakistan</source>
        <translation>巴基斯坦</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>波兰</translation>
    </message>
    <message>
        <source>Saint Pierre And Miquelon</source>
        <translation>圣皮埃尔和密克隆群岛</translation>
    </message>
    <message>
        <source>Puerto Rico</source>
        <translation>波多黎哥</translation>
    </message>
    <message>
        <source>Palestine</source>
        <translation>巴勒斯坦</translation>
    </message>
    <message>
        <source>Portugal</source>
        <translation>葡萄牙</translation>
    </message>
    <message>
        <source>Palau</source>
        <translation>帕劳</translation>
    </message>
    <message>
        <source>Paraguay</source>
        <translation>巴拉圭</translation>
    </message>
    <message>
        <source>Qatar</source>
        <translation>卡塔尔</translation>
    </message>
    <message>
        <source>Reunion</source>
        <translation>留尼汪岛</translation>
    </message>
    <message>
        <source>Romania</source>
        <translation>罗马尼亚</translation>
    </message>
    <message>
        <source>Serbia</source>
        <translation>塞尔维亚</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>俄罗斯</translation>
    </message>
    <message>
        <source>Rwanda</source>
        <translation>卢旺达</translation>
    </message>
    <message>
        <source>Saudi Arabia</source>
        <translation>沙特阿拉伯</translation>
    </message>
    <message>
        <source>Solomon Islands</source>
        <translation>所罗门群岛</translation>
    </message>
    <message>
        <source>Seychelles</source>
        <translation>塞舌尔群岛</translation>
    </message>
    <message>
        <source>Sudan</source>
        <translation>苏丹</translation>
    </message>
    <message>
        <source>Sweden</source>
        <translation>瑞典</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <source>Saint Helena</source>
        <translation>圣赫勒拿岛</translation>
    </message>
    <message>
        <source>Slovenia</source>
        <translation>斯洛文尼亚</translation>
    </message>
    <message>
        <source>Svalbard And Jan Mayen</source>
        <translation>斯瓦尔巴特和扬马延岛</translation>
    </message>
    <message>
        <source>Slovakia</source>
        <translation>斯洛伐克</translation>
    </message>
    <message>
        <source>Sierra Leone</source>
        <translation>塞拉里昂</translation>
    </message>
    <message>
        <source>San Marino</source>
        <translation>圣马力诺</translation>
    </message>
    <message>
        <source>Senegal</source>
        <translation>塞内加尔</translation>
    </message>
    <message>
        <source>Somalia</source>
        <translation>索马里</translation>
    </message>
    <message>
        <source>Suriname</source>
        <translation>苏里南</translation>
    </message>
    <message>
        <source>South Sudan</source>
        <translation>南苏丹</translation>
    </message>
    <message>
        <source>Sao Tome And Principe</source>
        <translation>圣多美和普林西比</translation>
    </message>
    <message>
        <source>El Salvador</source>
        <translation>萨尔瓦多</translation>
    </message>
    <message>
        <source>Sint Maarten (Dutch part)</source>
        <translation>荷属圣马丁岛</translation>
    </message>
    <message>
        <source>Syria</source>
        <translation>叙利亚</translation>
    </message>
    <message>
        <source>Swaziland</source>
        <translation>斯威士兰</translation>
    </message>
    <message>
        <source>Tristan da Cunha</source>
        <translation>特里斯坦-达库尼亚</translation>
    </message>
    <message>
        <source>Turks And Caicos Islands</source>
        <translation>特克斯群岛和凯科斯群岛</translation>
    </message>
    <message>
        <source>Chad</source>
        <translation>乍得</translation>
    </message>
    <message>
        <source>Togo</source>
        <translation>多哥</translation>
    </message>
    <message>
        <source>Thailand</source>
        <translation>泰国</translation>
    </message>
    <message>
        <source>Tajikistan</source>
        <translation>塔吉克斯坦</translation>
    </message>
    <message>
        <source>Tokelau</source>
        <translation>联合群岛</translation>
    </message>
    <message>
        <source>Timor-Leste</source>
        <translation>东帝汶</translation>
    </message>
    <message>
        <source>Turkmenistan</source>
        <translation>土库曼斯坦</translation>
    </message>
    <message>
        <source>Tunisia</source>
        <translation>突尼斯</translation>
    </message>
    <message>
        <source>Tonga</source>
        <translation>汤加</translation>
    </message>
    <message>
        <source>Turkey</source>
        <translation>土耳其</translation>
    </message>
    <message>
        <source>Trinidad and Tobago</source>
        <translation>特立尼达和多巴哥</translation>
    </message>
    <message>
        <source>Tuvalu</source>
        <translation>图瓦卢</translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation>台湾地区</translation>
    </message>
    <message>
        <source>Tanzania</source>
        <translation>坦桑尼亚</translation>
    </message>
    <message>
        <source>Ukraine</source>
        <translation>乌克兰</translation>
    </message>
    <message>
        <source>Uganda</source>
        <translation>乌干达</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <source>Uruguay</source>
        <translation>乌拉圭</translation>
    </message>
    <message>
        <source>Uzbekistan</source>
        <translation>乌兹别克斯坦</translation>
    </message>
    <message>
        <source>Vatican</source>
        <translation>梵蒂冈</translation>
    </message>
    <message>
        <source>Saint Vincent And The Grenadines</source>
        <translation>圣文森特和格林纳丁斯</translation>
    </message>
    <message>
        <source>Venezuela</source>
        <translation>委内瑞拉</translation>
    </message>
    <message>
        <source>British Virgin Islands</source>
        <translation>英属维京群岛</translation>
    </message>
    <message>
        <source>U.S. Virgin Islands</source>
        <translation>美属维京群岛</translation>
    </message>
    <message>
        <source>Vietnam</source>
        <translation>越南</translation>
    </message>
    <message>
        <source>Vanuatu</source>
        <translation>瓦努阿图</translation>
    </message>
    <message>
        <source>Wallis And Futuna</source>
        <translation>瓦利斯群岛和富图纳群岛</translation>
    </message>
    <message>
        <source>Samoa</source>
        <translation>*zh</translation>
    </message>
    <message>
        <source>Kosovo</source>
        <translation>科索沃</translation>
    </message>
    <message>
        <source>Yemen</source>
        <translation>也门</translation>
    </message>
    <message>
        <source>Mayotte</source>
        <translation>马约特岛</translation>
    </message>
    <message>
        <source>South Africa</source>
        <translation>南非</translation>
    </message>
    <message>
        <source>Zambia</source>
        <translation>赞比亚</translation>
    </message>
    <message>
        <source>Zimbabwe</source>
        <translation>津巴布韦</translation>
    </message>
    <message>
        <source>Antarctica</source>
        <translation>南极洲</translation>
    </message>
    <message>
        <source>Bouvet Island</source>
        <translation>布韦岛</translation>
    </message>
    <message>
        <source>French Southern Territories</source>
        <translation>法属南部领地</translation>
    </message>
    <message>
        <source>Heard Island and McDonald Islands</source>
        <translation>赫德岛和麦克唐纳群岛</translation>
    </message>
    <message>
        <source>Pitcairn Islands</source>
        <translation>皮特凯恩群岛</translation>
    </message>
    <message>
        <source>South Georgia and the South Sandwich Islands</source>
        <translation>南乔治亚和南桑威奇群岛</translation>
    </message>
    <message>
        <source>U.S. Outlying Islands</source>
        <translation>美国本土外小岛屿</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Show all reminders or fewer</source>
        <translation>显示全部提醒或收起</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>全部忽略</translation>
    </message>
    <message>
        <source>Dismiss all reminders</source>
        <translation>忽略全部提醒</translation>
    </message>
    <message>
        <source>More reminders: %1</source>
        <translation>其他提醒：%1 条</translation>
    </message>
    <message>
        <source>Reminders: %1</source>
        <translation>提醒：%1 条</translation>
    </message>
    <message>
        <source>Show fewer</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
</context>
<context>
    <name>ReminderRow</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Snooze 10 min</source>
        <translation>稍后提醒（10 分钟）</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message>
        <source>Desk CRM</source>
        <translation>Desk CRM</translation>
    </message>
    <message>
        <source>Desk CRM reminder</source>
        <translation>Desk CRM 提醒</translation>
    </message>
    <message>
        <source>Desk CRM SLA alert</source>
        <translation>Desk CRM SLA 提醒</translation>
    </message>
</context>
<context>
    <name>RenewalsPage</name>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Notice by</source>
        <translation>通知截止</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Auto-renew</source>
        <translation>自动续约</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Value up for renewal: %1</source>
        <translation>待续约金额：%1</translation>
    </message>
    <message>
        <source>Ending within</source>
        <translation>到期范围</translation>
    </message>
    <message>
        <source>Ending within %1 days</source>
        <translation>%1 天内到期</translation>
    </message>
    <message>
        <source>Search %1 (Ctrl+F)</source>
        <translation>搜索%1 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search %1</source>
        <translation>搜索%1</translation>
    </message>
    <message>
        <source>Contracts up for renewal</source>
        <translation>待续约合同</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import result</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>Skipped rows</source>
        <translation>跳过的行</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Save &amp;report as CSV…</source>
        <translation>将报告另存为 CSV(&amp;R)…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <source>Import cancelled; the rows before the last whole chunk were kept and can be undone.</source>
        <translation>导入已取消；最后一个完整批次之前的行已保留，可以撤销。</translation>
    </message>
    <message>
        <source>Import stopped at the first bad row.</source>
        <translation>导入在第一个错误行处停止。</translation>
    </message>
    <message>
        <source>Created %1, updated %2, skipped %3 (%4 rows/s).</source>
        <translation>新建 %1，更新 %2，跳过 %3（%4 行/秒）。</translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>%1 chart</source>
        <translation>%1 图表</translation>
    </message>
    <message>
        <source>%1 table</source>
        <translation>%1 表格</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P):</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Export PN&amp;G…</source>
        <translation>导出 PNG(&amp;G)…</translation>
    </message>
    <message>
        <source>Sales rep performance</source>
        <translation>销售代表业绩</translation>
    </message>
    <message>
        <source>Lead source performance</source>
        <translation>线索来源效果</translation>
    </message>
    <message>
        <source>Service quality</source>
        <translation>服务质量</translation>
    </message>
    <message>
        <source>Customers by revenue (ABC)</source>
        <translation>按收入划分客户 (ABC)</translation>
    </message>
    <message>
        <source>RFM segments</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <source>Lifetime value (BG/NBD + Gamma-Gamma)</source>
        <translation>生命周期价值（BG/NBD + Gamma-Gamma）</translation>
    </message>
    <message>
        <source>Churn model</source>
        <translation>流失模型</translation>
    </message>
    <message>
        <source>Purchase model</source>
        <translation>购买模型</translation>
    </message>
    <message>
        <source>Sales &amp;reps</source>
        <translation>销售代表(&amp;R)</translation>
    </message>
    <message>
        <source>Lead &amp;sources</source>
        <translation>线索来源(&amp;S)</translation>
    </message>
    <message>
        <source>Ser&amp;vice quality</source>
        <translation>服务质量(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;ABC customers</source>
        <translation>ABC 客户(&amp;A)</translation>
    </message>
    <message>
        <source>RF&amp;M segments</source>
        <translation>RFM 分群(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Lifetime value</source>
        <translation>生命周期价值(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Churn model</source>
        <translation>流失模型(&amp;C)</translation>
    </message>
    <message>
        <source>P&amp;urchase model</source>
        <translation>购买模型(&amp;U)</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>The reports failed: %1</source>
        <translation>报表生成失败：%1</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>（无负责人）</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Win rate %</source>
        <translation>赢单率 %</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <source>Average cycle (days)</source>
        <translation>平均周期（天）</translation>
    </message>
    <message>
        <source>Activities done</source>
        <translation>已完成活动</translation>
    </message>
    <message>
        <source>Won amount by rep (%1)</source>
        <translation>各销售代表赢单金额（%1）</translation>
    </message>
    <message>
        <source>Opportunities closing %1; cycle: first stage to won.</source>
        <translation>预计成交期间为 %1 的商机；周期：从第一阶段到赢单。</translation>
    </message>
    <message>
        <source>(no source)</source>
        <translation>（无来源）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>已转化</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Lead to won %</source>
        <translation>线索赢单转化率 %</translation>
    </message>
    <message>
        <source>Leads → opportunities → won by source</source>
        <translation>按来源统计：线索 → 商机 → 赢单</translation>
    </message>
    <message>
        <source>Leads created %1, followed to their opportunities.</source>
        <translation>统计 %1 期间创建的线索，并追踪至其对应的商机。</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>SLA met %</source>
        <translation>SLA 达标率 %</translation>
    </message>
    <message>
        <source>Median first response (h)</source>
        <translation>首次响应时间中位数（小时）</translation>
    </message>
    <message>
        <source>Median resolution (h)</source>
        <translation>解决时间中位数（小时）</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Tickets opened and closed per week</source>
        <translation>每周新建和关闭的工单</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Tickets opened in the last %1 weeks; hours are business hours.</source>
        <translation>最近 %1 周内新建的工单；时长按工作时间计算。</translation>
    </message>
    <message>
        <source>Amounts in %1. Export the tab you see with the buttons above.</source>
        <translation>金额单位：%1。可使用上方按钮导出当前显示的标签页。</translation>
    </message>
    <message>
        <source>Pareto: revenue of the last 365 days by customer (%1)</source>
        <translation>帕累托分析：最近 365 天各客户收入（%1）</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Cumulative %</source>
        <translation>累计占比 %</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>占比 %</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>A: %1 customers making 80 % of revenue; B: %2 (next 15 %); C: %3.</source>
        <translation>A 类：%1 个客户，贡献 80% 的收入；B 类：%2 个（其后 15%）；C 类：%3 个。</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客户分群</translation>
    </message>
    <message>
        <source>Rule (first that matches)</source>
        <translation>规则（取首个匹配项）</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Average days since last order</source>
        <translation>距上次下单平均天数</translation>
    </message>
    <message>
        <source>Customers per RFM segment</source>
        <translation>各 RFM 分群的客户数</translation>
    </message>
    <message>
        <source>R, F and M are scored 1–5 by quintile among all %1 customers (5: the best fifth).</source>
        <translation>R、F、M 按全部 %1 个客户的五分位数评为 1–5 分（5 分：表现最好的五分之一）。</translation>
    </message>
    <message>
        <source>Export report as PDF</source>
        <translation>将报表导出为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Export report as PNG</source>
        <translation>将报表导出为 PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>Rfm</name>
    <message>
        <source>R ≥ 4 and F ≥ 4</source>
        <translation>R ≥ 4 且 F ≥ 4</translation>
    </message>
    <message>
        <source>R ≥ 3 and F ≥ 3</source>
        <translation>R ≥ 3 且 F ≥ 3</translation>
    </message>
    <message>
        <source>R ≥ 4 and F = 1</source>
        <translation>R ≥ 4 且 F = 1</translation>
    </message>
    <message>
        <source>R ≥ 4 and F ≤ 2</source>
        <translation>R ≥ 4 且 F ≤ 2</translation>
    </message>
    <message>
        <source>R ≤ 2 and F ≥ 3</source>
        <translation>R ≤ 2 且 F ≥ 3</translation>
    </message>
    <message>
        <source>R = 2 and F ≤ 2</source>
        <translation>R = 2 且 F ≤ 2</translation>
    </message>
    <message>
        <source>R = 1 and F ≤ 2</source>
        <translation>R = 1 且 F ≤ 2</translation>
    </message>
    <message>
        <source>R = 3 and F ≤ 2</source>
        <translation>R = 3 且 F ≤ 2</translation>
    </message>
    <message>
        <source>Champions</source>
        <translation>冠军客户</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>潜力客户</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>沉睡客户</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation>需要关注</translation>
    </message>
</context>
<context>
    <name>SalesColumns</name>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>市场活动</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Cold call</source>
        <translation>陌生电话</translation>
    </message>
    <message>
        <source>Advertisement</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Unqualified</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>已转化</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>⚠ No next step</source>
        <translation>⚠ 无下一步</translation>
    </message>
    <message>
        <source>Open, no date</source>
        <translation>待办（无日期）</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>a person&apos;s name</comment>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Prob.</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Next activity</source>
        <translation>下一项活动</translation>
    </message>
</context>
<context>
    <name>ScoringRulesDialog</name>
    <message>
        <source>Lead scoring rules</source>
        <translation>线索评分规则</translation>
    </message>
    <message>
        <source>A lead&apos;s score is the sum of these points; the lead editor lists every point with its reason.</source>
        <translation>线索的评分是以下各项分数之和；线索编辑器会逐项列出得分及其原因。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <source>From employees</source>
        <translation>员工人数下限</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>(unused)</source>
        <translation>（未使用）</translation>
    </message>
    <message>
        <source>Tier %1 from employees</source>
        <translation>第 %1 档员工人数下限</translation>
    </message>
    <message>
        <source>Tier %1 points</source>
        <translation>第 %1 档分数</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>互动</translation>
    </message>
    <message>
        <source>Points per logged activity</source>
        <translation>每条已记录活动的分数</translation>
    </message>
    <message>
        <source>At most, for activities</source>
        <translation>活动分数上限</translation>
    </message>
    <message>
        <source>Per logged activity:</source>
        <translation>每条已记录活动:</translation>
    </message>
    <message>
        <source>At most:</source>
        <translation>上限:</translation>
    </message>
    <message>
        <source>Complete data</source>
        <translation>资料完整度</translation>
    </message>
    <message>
        <source>Has email</source>
        <translation>有邮箱</translation>
    </message>
    <message>
        <source>Has phone</source>
        <translation>有电话</translation>
    </message>
    <message>
        <source>Has company</source>
        <translation>有公司</translation>
    </message>
    <message>
        <source>Has title</source>
        <translation>有职务</translation>
    </message>
</context>
<context>
    <name>Segments</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Province / state</source>
        <translation>省份/州</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改时间</translation>
    </message>
    <message>
        <source>Number of contacts</source>
        <translation>联系人数量</translation>
    </message>
    <message>
        <source>Activities (last 90 days)</source>
        <translation>活动数（最近 90 天）</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>未关闭工单数</translation>
    </message>
    <message>
        <source>Won deals</source>
        <translation>赢单数</translation>
    </message>
    <message>
        <source>Loyalty tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Loyalty points earned</source>
        <translation>累计获得积分</translation>
    </message>
    <message>
        <source>is</source>
        <translation>等于</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>不等于</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>开头为</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>不为空</translation>
    </message>
    <message>
        <source>has tag</source>
        <translation>含有标签</translation>
    </message>
    <message>
        <source>lacks tag</source>
        <translation>不含标签</translation>
    </message>
    <message>
        <source>before (YYYY-MM-DD)</source>
        <translation>早于 (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>after (YYYY-MM-DD)</source>
        <translation>晚于 (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>within the last … days</source>
        <translation>最近 … 天内</translation>
    </message>
    <message>
        <source>more than … days ago</source>
        <translation>超过 … 天以前</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>至少</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>至多</translation>
    </message>
    <message>
        <source>at least … years ago (age from)</source>
        <translation>至少 … 年前（年龄不小于）</translation>
    </message>
    <message>
        <source>under … years ago (age under)</source>
        <translation>不到 … 年前（年龄小于）</translation>
    </message>
    <message>
        <source>within the next … days</source>
        <translation>在未来 … 天内</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>大于</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>小于</translation>
    </message>
    <message>
        <source>is ticked</source>
        <translation>已勾选</translation>
    </message>
    <message>
        <source>is not ticked</source>
        <translation>未勾选</translation>
    </message>
    <message>
        <source>includes</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>does not include</source>
        <translation>不包含</translation>
    </message>
    <message>
        <source>Deleted field “%1”</source>
        <translation>已删除的字段“%1”</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1（已归档）</translation>
    </message>
</context>
<context>
    <name>SegmentsPage</name>
    <message>
        <source>Saved segments</source>
        <translation>已保存的客户分群</translation>
    </message>
    <message>
        <source>&amp;New segment</source>
        <translation>新建客户分群(&amp;N)</translation>
    </message>
    <message>
        <source>Segment name</source>
        <translation>分群名称</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <source>all conditions</source>
        <translation>满足全部条件</translation>
    </message>
    <message>
        <source>any condition</source>
        <translation>满足任一条件</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>&amp;Add condition</source>
        <translation>添加条件(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove condition</source>
        <translation>删除条件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Show &amp;matching records</source>
        <translation>显示匹配的记录(&amp;M)</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>名称(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Records:</source>
        <translation>记录类型(&amp;R):</translation>
    </message>
    <message>
        <source>Ma&amp;tch:</source>
        <translation>匹配方式(&amp;T):</translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation>条件:</translation>
    </message>
    <message>
        <source>The list opened by “Show matching records” is filtered to the segment: bulk edit and export there act on its members.</source>
        <translation>通过“显示匹配的记录”打开的列表已按该分群筛选：在其中执行的批量编辑和导出仅作用于分群成员。</translation>
    </message>
    <message>
        <source>Field of condition %1</source>
        <translation>条件 %1 的字段</translation>
    </message>
    <message>
        <source>Operator of condition %1</source>
        <translation>条件 %1 的运算符</translation>
    </message>
    <message>
        <source>Value of condition %1</source>
        <translation>条件 %1 的值</translation>
    </message>
    <message>
        <source>One of: %1</source>
        <translation>可选：%1</translation>
    </message>
    <message>
        <source>The record&apos;s id (copy it from the record&apos;s window)</source>
        <translation>记录的编号（从记录窗口中复制）</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>the segment “%1”</source>
        <translation>客户分群“%1”中的记录</translation>
    </message>
    <message>
        <source>%1 matching</source>
        <translation>%1 条匹配</translation>
    </message>
    <message>
        <source>Delete the segment “%1”? Its records stay as they are.</source>
        <translation>删除客户分群“%1”？其中的记录将保持不变。</translation>
    </message>
</context>
<context>
    <name>ServiceReportPage</name>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Last %1 weeks</source>
        <translation>最近 %1 周</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P):</translation>
    </message>
    <message>
        <source>Tickets opened and closed per week</source>
        <translation>每周新建和关闭的工单</translation>
    </message>
    <message>
        <source>By assignee</source>
        <translation>按处理人</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按分类</translation>
    </message>
    <message>
        <source>By &amp;assignee</source>
        <translation>按处理人(&amp;A)</translation>
    </message>
    <message>
        <source>By ca&amp;tegory</source>
        <translation>按分类(&amp;T)</translation>
    </message>
    <message>
        <source>SLA per tic&amp;ket</source>
        <translation>各工单 SLA(&amp;K)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>SLA met</source>
        <translation>SLA 达标</translation>
    </message>
    <message>
        <source>Median first response (business h)</source>
        <translation>首次响应中位数（工作小时）</translation>
    </message>
    <message>
        <source>Median resolution (business h)</source>
        <translation>解决时间中位数（工作小时）</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>SLA per ticket</source>
        <translation>各工单 SLA</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>First response used</source>
        <translation>首次响应用时</translation>
    </message>
    <message>
        <source>Resolution used</source>
        <translation>解决用时</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已违约</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>%1 tickets, %2 resolved · SLA met: %3 · median first response %4 h, resolution %5 h (business hours) · CSAT %6</source>
        <translation>%1 个工单，已解决 %2 · SLA 达标：%3 · 首次响应中位数 %4 小时，解决 %5 小时（工作时间）· 满意度 %6</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>（无分类）</translation>
    </message>
    <message>
        <source>The report failed: %1</source>
        <translation>报表生成失败：%1</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>新建</translation>
    </message>
</context>
<context>
    <name>SlaPolicyDialog</name>
    <message>
        <source>SLA policies</source>
        <translation>SLA 策略</translation>
    </message>
    <message>
        <source>&amp;Policies:</source>
        <translation>策略(&amp;P):</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>&amp;New policy</source>
        <translation>新建策略(&amp;N)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>Policy settings</source>
        <translation>策略设置</translation>
    </message>
    <message>
        <source>Po&amp;licy and targets</source>
        <translation>策略与目标(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Working hours</source>
        <translation>工作时间(&amp;W)</translation>
    </message>
    <message>
        <source>Holi&amp;days</source>
        <translation>节假日(&amp;D)</translation>
    </message>
    <message>
        <source>Policy name</source>
        <translation>策略名称</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>De&amp;fault policy (accounts without their own)</source>
        <translation>默认策略（用于没有专属策略的客户）(&amp;F)</translation>
    </message>
    <message>
        <source>Warn when this share of a target is used</source>
        <translation>目标时间用到此比例时提醒</translation>
    </message>
    <message>
        <source>Wa&amp;rn at:</source>
        <translation>提醒于(&amp;R):</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T):</translation>
    </message>
    <message>
        <source>Targets in business hours</source>
        <translation>目标（工作小时）</translation>
    </message>
    <message>
        <source>First response (h)</source>
        <translation>首次响应（小时）</translation>
    </message>
    <message>
        <source>Resolution (h)</source>
        <translation>解决（小时）</translation>
    </message>
    <message>
        <source>Tar&amp;gets:</source>
        <translation>目标(&amp;G):</translation>
    </message>
    <message>
        <source>A&amp;ccounts that use this policy:</source>
        <translation>使用此策略的客户(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Use for account</source>
        <translation>用于客户(&amp;U)</translation>
    </message>
    <message>
        <source>Accounts that use this policy</source>
        <translation>使用此策略的客户</translation>
    </message>
    <message>
        <source>Re&amp;move account</source>
        <translation>移除客户(&amp;M)</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Moving the deadlines of open tickets…</source>
        <translation>正在调整未结工单的截止时间…</translation>
    </message>
    <message>
        <source>Saving the SLA policy</source>
        <translation>正在保存 SLA 策略</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Someone else changed this policy meanwhile; it was not saved. Reopen it to see their version.</source>
        <translation>其他人在此期间修改了此策略，您的更改未保存。请重新打开以查看其版本。</translation>
    </message>
    <message>
        <source>The policy was not saved: %1</source>
        <translation>策略未保存：%1</translation>
    </message>
    <message>
        <source>Cancelled: the policy was not saved.</source>
        <translation>已取消：策略未保存。</translation>
    </message>
    <message>
        <source>New policy</source>
        <translation>新策略</translation>
    </message>
</context>
<context>
    <name>SlaPreview</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Working days preview</source>
        <translation>工作日预览</translation>
    </message>
    <message>
        <source>Ticket opened at</source>
        <translation>工单创建时间</translation>
    </message>
    <message>
        <source>A ticket &amp;opened at:</source>
        <translation>工单创建于(&amp;O):</translation>
    </message>
    <message>
        <source>Priority of the ticket</source>
        <translation>工单优先级</translation>
    </message>
    <message>
        <source>with p&amp;riority:</source>
        <translation>优先级(&amp;R):</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>extra working day</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>day off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>%1 (%2 h)</source>
        <translation>%1（%2 小时）</translation>
    </message>
    <message>
        <source>This calendar has no working time ahead.</source>
        <translation>此日历今后没有工作时间。</translation>
    </message>
    <message>
        <source>First response due %1
Resolution due %2
(%3 time)</source>
        <translation>首次响应截止 %1
解决截止 %2
（%3 时间）</translation>
    </message>
</context>
<context>
    <name>SmtpSettingsDialog</name>
    <message>
        <source>Mail server</source>
        <translation>邮件服务器</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> 封/分钟</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S):</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O):</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>安全连接(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W):</translation>
    </message>
    <message>
        <source>Sender &amp;name:</source>
        <translation>发件人名称(&amp;N):</translation>
    </message>
    <message>
        <source>Sender &amp;address:</source>
        <translation>发件人地址(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Throttle:</source>
        <translation>发送速率限制(&amp;T):</translation>
    </message>
    <message>
        <source>Unsubscribe &amp;mail to:</source>
        <translation>退订邮件发送至(&amp;M):</translation>
    </message>
    <message>
        <source>Unsubscribe &amp;link:</source>
        <translation>退订链接(&amp;L):</translation>
    </message>
    <message>
        <source>There is no keychain on this computer: the password was not stored and is kept until Desk CRM is closed. You will be asked again next time.</source>
        <translation>此计算机上没有密钥链：密码未被存储，仅保留到 Desk CRM 关闭为止。下次将再次询问您。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>StageSettingsDialog</name>
    <message>
        <source>Pipeline stages</source>
        <translation>销售管道阶段</translation>
    </message>
    <message>
        <source>Stages in pipeline order. A stage used by opportunities cannot be removed, only deactivated.</source>
        <translation>各阶段按销售管道中的顺序排列。已被商机使用的阶段不能删除，只能停用。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Probability %</source>
        <translation>赢率 %</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Stage kind</source>
        <translation>阶段类型</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <source>“%1” is used by opportunities, so it stays in their history. It was deactivated instead.</source>
        <translation>“%1”已被商机使用，需保留在其历史记录中，因此已改为停用。</translation>
    </message>
    <message>
        <source>Default &amp;names</source>
        <translation>默认名称(&amp;N)</translation>
    </message>
    <message>
        <source>Stages still called by their default name (in any language) get the default name in this window&apos;s language; names you chose stay.</source>
        <translation>仍使用默认名称（任何语言）的阶段改为本窗口语言的默认名称；您自己起的名称保持不变。</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Prospecting</source>
        <translation>初步接触</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>需求确认</translation>
    </message>
    <message>
        <source>Needs analysis</source>
        <translation>需求分析</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>方案报价</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>商务谈判</translation>
    </message>
    <message>
        <source>Closed won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Closed lost</source>
        <translation>输单</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Unlock Desk CRM</source>
        <translation>解锁 Desk CRM</translation>
    </message>
    <message>
        <source>The database is encrypted. Enter its passphrase.</source>
        <translation>数据库已加密。请输入密码短语。</translation>
    </message>
    <message>
        <source>This system has no keychain; the passphrase will be asked at each start.</source>
        <translation>此系统没有系统钥匙串；每次启动时都需要输入密码短语。</translation>
    </message>
    <message>
        <source>Wrong passphrase. Nothing was changed; try again.</source>
        <translation>密码短语错误。未做任何更改，请重试。</translation>
    </message>
    <message>
        <source>Damaged database</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>The database %1 is damaged and there is no usable backup. The file was not changed.

%2</source>
        <translation>数据库 %1 已损坏，且没有可用的备份。该文件未被更改。

%2</translation>
    </message>
    <message>
        <source>The database is damaged (%1).

Restore the latest good backup, taken %2? It holds %3. The damaged file is kept next to it under a new name.</source>
        <translation>数据库已损坏（%1）。

要恢复 %2 的最新完好备份吗？其中包含 %3。损坏的文件会以新名称保留在旁边。</translation>
    </message>
    <message>
        <source>The backup could not be restored; nothing was changed.

%1</source>
        <translation>无法恢复备份；没有做任何更改。

%1</translation>
    </message>
    <message>
        <source>The backup of %1 was restored. The damaged file is kept as %2.</source>
        <translation>已恢复 %1 的备份。损坏的文件已保留为 %2。</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>The backup could not be restored; the current data is unchanged.

%1</source>
        <translation>无法恢复备份；当前数据未做更改。

%1</translation>
    </message>
    <message>
        <source>The change failed; the data was left as it was.

%1</source>
        <translation>更改失败；数据保持原样。

%1</translation>
    </message>
    <message>
        <source>Desk CRM hit an unexpected error last time; a report was saved as %1.</source>
        <translation>Desk CRM 上次遇到意外错误；崩溃报告已保存为 %1。</translation>
    </message>
    <message>
        <source>Desk CRM did not close properly last time. Your committed data is safe.</source>
        <translation>Desk CRM 上次未正常关闭。您已提交的数据是安全的。</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>&amp;Connect to server…</source>
        <translation>连接到服务器(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Full rescan</source>
        <translation>完整重新扫描(&amp;F)</translation>
    </message>
    <message>
        <source>Read every record again and check that each one still exists on the server (finds records deleted there)</source>
        <translation>重新读取每条记录，并检查服务器上是否仍存在（找出在服务器上删除的记录）</translation>
    </message>
    <message>
        <source>Con&amp;flicts…</source>
        <translation>冲突(&amp;F)…</translation>
    </message>
    <message>
        <source>Sync &amp;history…</source>
        <translation>同步历史(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Disconnect and forget password</source>
        <translation>断开连接并清除密码(&amp;D)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>● Syncing…</source>
        <translation>● 正在同步…</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● 已连接</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%1 项待同步</translation>
    </message>
    <message>
        <source>%1 conflict(s)</source>
        <translation>%1 个冲突</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>The server refused the login.</source>
        <translation>服务器拒绝了登录。</translation>
    </message>
    <message>
        <source>The server refused the login. Please enter your credentials again.</source>
        <translation>服务器拒绝了登录。请重新输入登录凭据。</translation>
    </message>
    <message>
        <source>Server not reachable: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
</context>
<context>
    <name>SyncFields</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细行</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>SyncHistory</name>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Server not reachable</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <source>Login refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>新增 %1</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>更改 %1</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>未变 %1</translation>
    </message>
</context>
<context>
    <name>SyncHistoryDialog</name>
    <message>
        <source>Sync history</source>
        <translation>同步历史</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Sync runs</source>
        <translation>同步记录</translation>
    </message>
    <message>
        <source>No sync has run yet.</source>
        <translation>尚未进行过同步。</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Sync status</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <source>Open sync conflicts</source>
        <translation>打开同步冲突</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>取消同步</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Sending changes… %1</source>
        <translation>正在发送更改… %1</translation>
    </message>
    <message>
        <source>Checking %1 still exist… %2</source>
        <translation>正在检查%1是否仍存在… %2</translation>
    </message>
    <message>
        <source>Receiving %1… %2</source>
        <translation>正在接收%1… %2</translation>
    </message>
    <message>
        <source>, about %1 left</source>
        <translation>，剩余约 %1</translation>
    </message>
</context>
<context>
    <name>TicketEditor</name>
    <message>
        <source>When / field</source>
        <translation>时间/字段</translation>
    </message>
    <message>
        <source>Who / from</source>
        <translation>操作人/原值</translation>
    </message>
    <message>
        <source>What / to</source>
        <translation>操作/新值</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>变更历史</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>变更历史(&amp;H)</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>编号:</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>主题(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>客户(&amp;A):</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>C&amp;ontact:</source>
        <translation>联系人(&amp;O):</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>渠道(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>优先级(&amp;P):</translation>
    </message>
    <message>
        <source>Sta&amp;tus:</source>
        <translation>状态(&amp;T):</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Assi&amp;gnee:</source>
        <translation>处理人(&amp;G):</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Categor&amp;y:</source>
        <translation>分类(&amp;Y):</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Pro&amp;duct:</source>
        <translation>产品(&amp;D):</translation>
    </message>
    <message>
        <source>Contract reference</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Co&amp;ntract ref.:</source>
        <translation>合同编号(&amp;N):</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>描述(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>新条目</translation>
    </message>
    <message>
        <source>Write a reply or a note (Ctrl+Return adds it)</source>
        <translation>撰写回复或备注（按 Ctrl+Return 添加）</translation>
    </message>
    <message>
        <source>Kind of entry</source>
        <translation>条目类型</translation>
    </message>
    <message>
        <source>Reply to the customer</source>
        <translation>回复客户</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <source>Customer&apos;s message</source>
        <translation>客户消息</translation>
    </message>
    <message>
        <source>&amp;Insert article…</source>
        <translation>插入文章(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Add entry</source>
        <translation>添加条目(&amp;A)</translation>
    </message>
    <message>
        <source>Save the ticket first.</source>
        <translation>请先保存工单。</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>沟通记录(&amp;C)</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Attach&amp;ments</source>
        <translation>附件(&amp;M)</translation>
    </message>
    <message>
        <source>Linked articles</source>
        <translation>关联文章</translation>
    </message>
    <message>
        <source>&amp;Link article…</source>
        <translation>关联文章(&amp;L)…</translation>
    </message>
    <message>
        <source>Ar&amp;ticles</source>
        <translation>文章(&amp;T)</translation>
    </message>
    <message>
        <source>Customer satisfaction score</source>
        <translation>客户满意度评分</translation>
    </message>
    <message>
        <source>&amp;Score (1–5):</source>
        <translation>评分（1–5）(&amp;S):</translation>
    </message>
    <message>
        <source>Feedback comment</source>
        <translation>反馈意见</translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation>意见(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Record feedback</source>
        <translation>记录反馈(&amp;R)</translation>
    </message>
    <message>
        <source>Feedback is recorded once the ticket is resolved or closed.</source>
        <translation>工单已解决或已关闭后才能记录反馈。</translation>
    </message>
    <message>
        <source>&amp;Feedback</source>
        <translation>反馈(&amp;F)</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>Choose an account from the list</source>
        <translation>请从列表中选择客户</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>新工单</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <source>(no contact)</source>
        <translation>（无联系人）</translation>
    </message>
    <message>
        <source>(given on save)</source>
        <translation>（保存时分配）</translation>
    </message>
    <message>
        <source>The SLA clock starts when the ticket is saved.</source>
        <translation>工单保存后开始 SLA 计时。</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>No entries yet.</source>
        <translation>暂无条目。</translation>
    </message>
    <message>
        <source>Insert article into the reply</source>
        <translation>将文章插入回复</translation>
    </message>
    <message>
        <source>Link an article</source>
        <translation>关联文章</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>The file could not be copied: %1</source>
        <translation>无法复制文件：%1</translation>
    </message>
    <message>
        <source>✓ Feedback recorded: %1 (%2 of 5).</source>
        <translation>✓ 已记录反馈：%1（%2 / 5 分）。</translation>
    </message>
    <message>
        <source>Choose a score from 1 to 5.</source>
        <translation>请选择 1 到 5 的评分。</translation>
    </message>
</context>
<context>
    <name>TicketListPage</name>
    <message>
        <source>&amp;Queue:</source>
        <translation>队列(&amp;Q):</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>状态(&amp;A):</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>优先级(&amp;R):</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>所有优先级</translation>
    </message>
    <message>
        <source>Open tickets (%1)</source>
        <translation>未结工单 (%1)</translation>
    </message>
    <message>
        <source>My tickets (%1)</source>
        <translation>我的工单 (%1)</translation>
    </message>
    <message>
        <source>Unassigned (%1)</source>
        <translation>未分配 (%1)</translation>
    </message>
    <message>
        <source>Breaching soon (%1)</source>
        <translation>即将超时 (%1)</translation>
    </message>
    <message>
        <source>Breached (%1)</source>
        <translation>已超时 (%1)</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>所有工单</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Tickets</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Waiting on customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>上门</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>first response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>%1 left (%2)</source>
        <translation>剩余 %1（%2）</translation>
    </message>
    <message>
        <source>breached</source>
        <translation>已违约</translation>
    </message>
    <message>
        <source>met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>First response: %1</source>
        <translation>首次响应：%1</translation>
    </message>
    <message>
        <source>Resolution: %1</source>
        <translation>解决：%1</translation>
    </message>
    <message>
        <source>Clock stopped: SLA met</source>
        <translation>计时已停止：SLA 已达成</translation>
    </message>
    <message>
        <source>Clock stopped: SLA not met</source>
        <translation>计时已停止：SLA 未达成</translation>
    </message>
    <message>
        <source>No SLA target running</source>
        <translation>没有正在计时的 SLA 目标</translation>
    </message>
    <message>
        <source>Paused (waiting on customer) · %1: %2 left</source>
        <translation>已暂停（等待客户）· %1：剩余 %2</translation>
    </message>
    <message>
        <source>Overdue since %1 (%2; %3 business time over)</source>
        <translation>自 %1 起超时（%2；超出工作时间 %3）</translation>
    </message>
    <message>
        <source>%1 left for %2, due %3</source>
        <translation>%2剩余 %1，截止 %3</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>First response used</source>
        <translation>首次响应用时</translation>
    </message>
    <message>
        <source>Resolution used</source>
        <translation>解决用时</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已违约</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>SLA breached: %1 %2 — %3 was due %4</source>
        <translation>SLA 已违约：%1 %2 — %3 截止于 %4</translation>
    </message>
    <message>
        <source>SLA warning: %1 %2 — %3 due %4</source>
        <translation>SLA 预警：%1 %2 — %3 将于 %4 截止</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>“{value}” is not a valid website address</source>
        <translation>“{value}”不是有效的网址</translation>
    </message>
    <message>
        <source>Account name is required</source>
        <translation>请填写客户名称</translation>
    </message>
    <message>
        <source>Enter a family or given name</source>
        <translation>请填写姓或名</translation>
    </message>
    <message>
        <source>This is too long (at most {limit} characters)</source>
        <translation>内容过长（最多 {limit} 个字符）</translation>
    </message>
    <message>
        <source>Enter a subject</source>
        <translation>请填写主题</translation>
    </message>
    <message>
        <source>Subject is too long (at most {limit} characters)</source>
        <translation>主题过长（最多 {limit} 个字符）</translation>
    </message>
    <message>
        <source>Unknown kind of activity: {value}</source>
        <translation>未知的活动类型：{value}</translation>
    </message>
    <message>
        <source>Duration must be between 0 minutes and 7 days</source>
        <translation>时长必须在 0 分钟到 7 天之间</translation>
    </message>
    <message>
        <source>Time without a time zone</source>
        <translation>时间缺少时区</translation>
    </message>
    <message>
        <source>Unknown repeat rule: {value}</source>
        <translation>未知的重复规则：{value}</translation>
    </message>
    <message>
        <source>A repeating activity needs a due time</source>
        <translation>重复的活动需要设定截止时间</translation>
    </message>
    <message>
        <source>The reminder must not come after the due time</source>
        <translation>提醒时间不能晚于截止时间</translation>
    </message>
    <message>
        <source>Notes are too long (at most {limit} characters)</source>
        <translation>备注过长（最多 {limit} 个字符）</translation>
    </message>
    <message>
        <source>A website address cannot contain spaces</source>
        <translation>网址中不能包含空格</translation>
    </message>
    <message>
        <source>A website address must start with http:// or https://</source>
        <translation>网址必须以 http:// 或 https:// 开头</translation>
    </message>
    <message>
        <source>Email address is empty</source>
        <translation>邮箱地址为空</translation>
    </message>
    <message>
        <source>“{value}” is not a valid email address: {reason}</source>
        <translation>“{value}”不是有效的邮箱地址：{reason}</translation>
    </message>
    <message>
        <source>“{value}” is too short to be a phone number</source>
        <translation>“{value}”太短，不是有效的电话号码</translation>
    </message>
    <message>
        <source>“{value}” is too long to be a phone number</source>
        <translation>“{value}”太长，不是有效的电话号码</translation>
    </message>
    <message>
        <source>“{value}” is not a phone number</source>
        <translation>“{value}”不是电话号码</translation>
    </message>
    <message>
        <source>“{value}” needs a country code, e.g. +86</source>
        <translation>“{value}”需要国家/地区代码，例如 +86</translation>
    </message>
    <message>
        <source>“{value}” has an unknown country code</source>
        <translation>“{value}”的国家/地区代码无法识别</translation>
    </message>
    <message>
        <source>Phone number is empty</source>
        <translation>电话号码为空</translation>
    </message>
    <message>
        <source>“{value}” is not a possible phone number</source>
        <translation>“{value}”不可能是电话号码</translation>
    </message>
    <message>
        <source>“{value}” is not a valid phone number</source>
        <translation>“{value}”不是有效的电话号码</translation>
    </message>
    <message>
        <source>Unknown owner</source>
        <translation>负责人不存在</translation>
    </message>
    <message>
        <source>That account no longer exists</source>
        <translation>该客户已不存在</translation>
    </message>
    <message>
        <source>That contact no longer exists</source>
        <translation>该联系人已不存在</translation>
    </message>
    <message>
        <source>That lead no longer exists</source>
        <translation>该线索已不存在</translation>
    </message>
    <message>
        <source>That opportunity no longer exists</source>
        <translation>该商机已不存在</translation>
    </message>
    <message>
        <source>A user needs a name</source>
        <translation>用户必须有名称</translation>
    </message>
    <message>
        <source>At most {limit} characters</source>
        <translation>最多 {limit} 个字符</translation>
    </message>
    <message>
        <source>Unknown source “{value}”</source>
        <translation>未知的来源“{value}”</translation>
    </message>
    <message>
        <source>Leads become “converted” by converting them</source>
        <translation>线索只能通过“转化”操作变为“已转化”</translation>
    </message>
    <message>
        <source>Unknown status “{value}”</source>
        <translation>未知的状态“{value}”</translation>
    </message>
    <message>
        <source>Company size cannot be negative</source>
        <translation>公司规模不能为负数</translation>
    </message>
    <message>
        <source>“{value}” is not an amount</source>
        <translation>“{value}”不是有效的金额</translation>
    </message>
    <message>
        <source>Unknown currency “{value}”</source>
        <translation>未知的币种“{value}”</translation>
    </message>
    <message>
        <source>Enter an amount</source>
        <translation>请填写金额</translation>
    </message>
    <message>
        <source>“{value}”: use a dot for decimals (1,234.50)</source>
        <translation>“{value}”：请用小数点表示小数（如 1,234.50）</translation>
    </message>
    <message>
        <source>Give the opportunity a name</source>
        <translation>请填写商机名称</translation>
    </message>
    <message>
        <source>Give the campaign a name</source>
        <translation>请为营销活动命名</translation>
    </message>
    <message>
        <source>Name is too long (at most {limit} characters)</source>
        <translation>名称过长（最多 {limit} 个字符）</translation>
    </message>
    <message>
        <source>Unknown campaign type: {value}</source>
        <translation>未知的营销活动类型：{value}</translation>
    </message>
    <message>
        <source>Unknown campaign status: {value}</source>
        <translation>未知的营销活动状态：{value}</translation>
    </message>
    <message>
        <source>The end date must not come before the start date</source>
        <translation>结束日期不能早于开始日期</translation>
    </message>
    <message>
        <source>Amount must be a number</source>
        <translation>金额必须是数字</translation>
    </message>
    <message>
        <source>Amount must not be negative</source>
        <translation>金额不能为负数</translation>
    </message>
    <message>
        <source>Amount cannot be negative</source>
        <translation>金额不能为负数</translation>
    </message>
    <message>
        <source>{currency} amounts have at most {digits} decimal places</source>
        <translation>{currency} 金额最多保留 {digits} 位小数</translation>
    </message>
    <message>
        <source>{currency} amounts have no decimal places</source>
        <translation>{currency} 金额不能有小数</translation>
    </message>
    <message>
        <source>Amount is too large</source>
        <translation>金额过大</translation>
    </message>
    <message>
        <source>Choose a stage</source>
        <translation>请选择阶段</translation>
    </message>
    <message>
        <source>Probability must be a number</source>
        <translation>赢率必须是数字</translation>
    </message>
    <message>
        <source>Probability must be between 0 and 100 %</source>
        <translation>赢率必须在 0 到 100 % 之间</translation>
    </message>
    <message>
        <source>Say why the opportunity was won</source>
        <translation>请说明赢单原因</translation>
    </message>
    <message>
        <source>Say why the opportunity was lost</source>
        <translation>请说明输单原因</translation>
    </message>
    <message>
        <source>Stage {number} needs a name</source>
        <translation>第 {number} 个阶段需要名称</translation>
    </message>
    <message>
        <source>“{value}…” is too long</source>
        <translation>“{value}…”过长</translation>
    </message>
    <message>
        <source>Two stages are called “{value}”</source>
        <translation>有两个阶段都叫“{value}”</translation>
    </message>
    <message>
        <source>Unknown stage kind “{value}”</source>
        <translation>未知的阶段类型“{value}”</translation>
    </message>
    <message>
        <source>At least one active stage must be open</source>
        <translation>至少需要一个启用的进行中阶段</translation>
    </message>
    <message>
        <source>At least one active stage must be “won”</source>
        <translation>至少需要一个启用的“赢单”阶段</translation>
    </message>
    <message>
        <source>At least one active stage must be “lost”</source>
        <translation>至少需要一个启用的“输单”阶段</translation>
    </message>
    <message>
        <source>Points must be between {minimum} and {maximum}</source>
        <translation>分值必须在 {minimum} 到 {maximum} 之间</translation>
    </message>
    <message>
        <source>Two size tiers start at the same size</source>
        <translation>有两个规模档位的起点相同</translation>
    </message>
    <message>
        <source>A size tier starts at 1 or more</source>
        <translation>规模档位的起点必须大于等于 1</translation>
    </message>
    <message>
        <source>The cap cannot be negative</source>
        <translation>上限不能为负数</translation>
    </message>
    <message>
        <source>Unknown field “{value}”</source>
        <translation>未知的字段“{value}”</translation>
    </message>
    <message>
        <source>No open pipeline stage</source>
        <translation>没有进行中的销售阶段</translation>
    </message>
    <message>
        <source>This lead was converted and is read-only</source>
        <translation>此线索已转化，只能查看</translation>
    </message>
    <message>
        <source>Choose an active stage</source>
        <translation>请选择一个启用的阶段</translation>
    </message>
    <message>
        <source>A stage was removed elsewhere; reopen the dialog</source>
        <translation>有阶段已在别处被删除，请重新打开此对话框</translation>
    </message>
    <message>
        <source>“{value}” is used by opportunities: deactivate it instead of deleting it</source>
        <translation>“{value}”已被商机使用：请停用而不是删除</translation>
    </message>
    <message>
        <source>“{value}” cannot be used as a file name</source>
        <translation>“{value}”不能用作文件名</translation>
    </message>
    <message>
        <source>Enter a title</source>
        <translation>请输入标题</translation>
    </message>
    <message>
        <source>Title is too long (at most {limit} characters)</source>
        <translation>标题过长（最多 {limit} 个字符）</translation>
    </message>
    <message>
        <source>Text is too long (at most {limit} characters)</source>
        <translation>文本过长（最多 {limit} 个字符）</translation>
    </message>
    <message>
        <source>Unknown value “{value}”</source>
        <translation>未知的值“{value}”</translation>
    </message>
    <message>
        <source>The quantity must be more than 0</source>
        <translation>数量必须大于 0</translation>
    </message>
    <message>
        <source>The price cannot be negative</source>
        <translation>价格不能为负数</translation>
    </message>
    <message>
        <source>A tax rate is between 0 and 100 %</source>
        <translation>税率应在 0 到 100% 之间</translation>
    </message>
    <message>
        <source>A discount is between 0 and 100 %</source>
        <translation>折扣应在 0 到 100% 之间</translation>
    </message>
    <message>
        <source>The discount cannot exceed the line&apos;s amount</source>
        <translation>折扣不能超过该明细行的金额</translation>
    </message>
    <message>
        <source>A quote belongs to an opportunity</source>
        <translation>报价单必须属于一个商机</translation>
    </message>
    <message>
        <source>Enter the issue date</source>
        <translation>请输入开具日期</translation>
    </message>
    <message>
        <source>A quote cannot expire before it is issued</source>
        <translation>报价单的有效期不能早于开具日期</translation>
    </message>
    <message>
        <source>Shipping cannot be negative</source>
        <translation>运费不能为负数</translation>
    </message>
    <message>
        <source>A discount cannot be negative</source>
        <translation>折扣不能为负数</translation>
    </message>
    <message>
        <source>Add at least one line</source>
        <translation>请至少添加一个明细行</translation>
    </message>
    <message>
        <source>Choose a product or describe the line</source>
        <translation>请选择产品或填写明细行描述</translation>
    </message>
    <message>
        <source>A {current} quote cannot become {target}</source>
        <translation>状态为“{current}”的报价单不能变为“{target}”</translation>
    </message>
    <message>
        <source>Use {seq} once, and {year} if you like, e.g. Q-{year}-{seq:05d}</source>
        <translation>{seq} 须使用一次，{year} 可选，例如 Q-{year}-{seq:05d}</translation>
    </message>
    <message>
        <source>A ticket cannot go from “{old}” to “{new}”</source>
        <translation>工单不能从“{old}”变为“{new}”</translation>
    </message>
    <message>
        <source>A new ticket starts as new or open</source>
        <translation>新工单的状态只能是新建或处理中</translation>
    </message>
    <message>
        <source>Enter some text</source>
        <translation>请输入内容</translation>
    </message>
    <message>
        <source>Feedback is recorded once the ticket is resolved or closed</source>
        <translation>工单已解决或已关闭后才能记录反馈</translation>
    </message>
    <message>
        <source>A score is between 1 and 5</source>
        <translation>评分应在 1 到 5 之间</translation>
    </message>
    <message>
        <source>Enter a name</source>
        <translation>请输入名称</translation>
    </message>
    <message>
        <source>Unknown time zone “{value}”</source>
        <translation>未知的时区“{value}”</translation>
    </message>
    <message>
        <source>Choose at least one working day</source>
        <translation>请至少选择一个工作日</translation>
    </message>
    <message>
        <source>The working day must end after it starts</source>
        <translation>工作日的下班时间必须晚于上班时间</translation>
    </message>
    <message>
        <source>{value} is both a holiday and an extra working day</source>
        <translation>{value} 既是假日又是调休工作日</translation>
    </message>
    <message>
        <source>Extra working days need working hours</source>
        <translation>调休工作日需要设置工作时间</translation>
    </message>
    <message>
        <source>The warning comes between 1 % and 99 % of the target</source>
        <translation>预警须在目标时间的 1 % 到 99 % 之间</translation>
    </message>
    <message>
        <source>Targets must be positive</source>
        <translation>目标必须为正数</translation>
    </message>
    <message>
        <source>Resolution must not come before the first response</source>
        <translation>解决目标不能早于首次响应目标</translation>
    </message>
    <message>
        <source>A term is 1 to 120 months</source>
        <translation>期限应为 1 到 120 个月</translation>
    </message>
    <message>
        <source>Between 0 and 365 days</source>
        <translation>应在 0 到 365 天之间</translation>
    </message>
    <message>
        <source>Unknown billing frequency</source>
        <translation>未知的计费周期</translation>
    </message>
    <message>
        <source>Unknown status</source>
        <translation>未知的状态</translation>
    </message>
    <message>
        <source>Only an accepted quote becomes a contract</source>
        <translation>只有已接受的报价单才能生成合同</translation>
    </message>
    <message>
        <source>That file name cannot be used</source>
        <translation>不能使用该文件名</translation>
    </message>
    <message>
        <source>Enter a code</source>
        <translation>请输入编码</translation>
    </message>
    <message>
        <source>Another product has the code {code}</source>
        <translation>已有其他产品使用编码 {code}</translation>
    </message>
    <message>
        <source>The threshold is a percentage between 0 and 100</source>
        <translation>阈值应为 0 到 100 之间的百分比</translation>
    </message>
    <message>
        <source>This quote is {status}; it can no longer change</source>
        <translation>此报价单状态为“{status}”，无法再修改</translation>
    </message>
    <message>
        <source>Only an approver can approve a discount</source>
        <translation>只有审批人才能审批折扣</translation>
    </message>
    <message>
        <source>The discount needs an approver&apos;s approval first</source>
        <translation>折扣需要先经审批人审批</translation>
    </message>
    <message>
        <source>There is no active won stage</source>
        <translation>没有已启用的赢单阶段</translation>
    </message>
    <message>
        <source>“{value}” is not a file</source>
        <translation>“{value}”不是文件</translation>
    </message>
    <message>
        <source>Unsafe file name</source>
        <translation>不安全的文件名</translation>
    </message>
    <message>
        <source>Records of this kind cannot have custom fields</source>
        <translation>此类记录不能添加自定义字段</translation>
    </message>
    <message>
        <source>A field needs a title</source>
        <translation>字段需要名称</translation>
    </message>
    <message>
        <source>Choose what kind of record the field links to</source>
        <translation>请选择字段关联的记录类型</translation>
    </message>
    <message>
        <source>A picklist needs at least one choice</source>
        <translation>下拉选项至少需要一个选项</translation>
    </message>
    <message>
        <source>There is already a field “{value}”</source>
        <translation>已有字段“{value}”</translation>
    </message>
    <message>
        <source>“{value}” is still used by records</source>
        <translation>“{value}”仍被记录使用</translation>
    </message>
    <message>
        <source>Archive the field before purging it</source>
        <translation>请先归档字段再彻底清除</translation>
    </message>
    <message>
        <source>That record no longer exists</source>
        <translation>该记录已不存在</translation>
    </message>
    <message>
        <source>“{value}” is not working hours (e.g. 09:00-12:00, 13:00-18:00)</source>
        <translation>“{value}”不是工作时间(例如 09:00-12:00, 13:00-18:00)</translation>
    </message>
    <message>
        <source>“{value}”: a window must end after it starts</source>
        <translation>“{value}”:时间段的结束须晚于开始</translation>
    </message>
    <message>
        <source>“{value}”: working windows overlap</source>
        <translation>“{value}”:工作时间段重叠</translation>
    </message>
    <message>
        <source>“{value}” is not a date (YYYY-MM-DD)</source>
        <translation>“{value}”不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Redeem at least one point</source>
        <translation>请至少兑换 1 积分</translation>
    </message>
    <message>
        <source>Only {balance} points are available</source>
        <translation>仅有 {balance} 积分可用</translation>
    </message>
    <message>
        <source>Give the programme a name</source>
        <translation>请为积分计划命名</translation>
    </message>
    <message>
        <source>Points per unit must be zero or more</source>
        <translation>每单位积分必须大于或等于零</translation>
    </message>
    <message>
        <source>Every tier needs a name</source>
        <translation>每个会员等级都需要名称</translation>
    </message>
    <message>
        <source>Two tiers have the same name</source>
        <translation>有两个会员等级同名</translation>
    </message>
    <message>
        <source>Tier thresholds must start at 0 and rise from tier to tier</source>
        <translation>会员等级门槛必须从 0 开始，并逐级递增</translation>
    </message>
    <message>
        <source>A threshold is out of range</source>
        <translation>某个门槛超出范围</translation>
    </message>
    <message>
        <source>Unknown merge field “{value}”</source>
        <translation>未知的合并字段“{value}”</translation>
    </message>
    <message>
        <source>That campaign no longer exists</source>
        <translation>该营销活动已不存在</translation>
    </message>
    <message>
        <source>Unknown member status: {value}</source>
        <translation>未知的成员状态：{value}</translation>
    </message>
    <message>
        <source>Write the message</source>
        <translation>请填写邮件正文</translation>
    </message>
    <message>
        <source>Give the template a name</source>
        <translation>请为模板命名</translation>
    </message>
    <message>
        <source>Enter the SMTP server&apos;s host name</source>
        <translation>请输入 SMTP 服务器的主机名</translation>
    </message>
    <message>
        <source>A port is a number from 1 to 65535</source>
        <translation>端口必须是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>Unknown connection security: {value}</source>
        <translation>未知的连接安全方式：{value}</translation>
    </message>
    <message>
        <source>Messages per minute must be between 1 and 10000</source>
        <translation>每分钟邮件数必须在 1 到 10000 之间</translation>
    </message>
    <message>
        <source>The unsubscribe address must start with https://</source>
        <translation>退订地址必须以 https:// 开头</translation>
    </message>
    <message>
        <source>Enter a name for the segment</source>
        <translation>请输入客户分群名称</translation>
    </message>
    <message>
        <source>Unknown record type “{value}”</source>
        <translation>未知的记录类型“{value}”</translation>
    </message>
    <message>
        <source>Choose “all” or “any”</source>
        <translation>请选择“全部”或“任一”</translation>
    </message>
    <message>
        <source>Condition {number}: the custom field “{value}” was deleted; remove the condition</source>
        <translation>条件 {number}：自定义字段“{value}”已被删除，请移除该条件</translation>
    </message>
    <message>
        <source>Condition {number}: unknown field “{value}”</source>
        <translation>条件 {number}：未知字段“{value}”</translation>
    </message>
    <message>
        <source>Condition {number}: “{value}” does not apply to this field</source>
        <translation>条件 {number}：“{value}”不适用于此字段</translation>
    </message>
    <message>
        <source>Condition {number}: “{value}” is not a date (YYYY-MM-DD)</source>
        <translation>条件 {number}：“{value}”不是有效日期 (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Condition {number}: “{value}” is not a number</source>
        <translation>条件 {number}：“{value}”不是数字</translation>
    </message>
    <message>
        <source>Condition {number}: “{value}” is not a whole number</source>
        <translation>条件 {number}：“{value}”不是整数</translation>
    </message>
    <message>
        <source>Condition {number}: enter a value</source>
        <translation>条件 {number}：请输入值</translation>
    </message>
    <message>
        <source>Condition {number}: no loyalty tier is called “{value}”</source>
        <translation>条件 {number}：没有名为“{value}”的会员等级</translation>
    </message>
    <message>
        <source>A segment named “{value}” exists already</source>
        <translation>已存在名为“{value}”的客户分群</translation>
    </message>
    <message>
        <source>A field key is lower-case letters, digits and _ (“{value}”)</source>
        <translation>字段键只能由小写字母、数字和 _ 组成(“{value}”)</translation>
    </message>
    <message>
        <source>This field is required</source>
        <translation>此字段必填</translation>
    </message>
    <message>
        <source>“{value}” is not a valid value for this field</source>
        <translation>“{value}”不是此字段的有效值</translation>
    </message>
    <message>
        <source>Too long (at most {value})</source>
        <translation>太长(最多 {value})</translation>
    </message>
    <message>
        <source>“{value}” is not one of this field&apos;s choices</source>
        <translation>“{value}”不是此字段的选项</translation>
    </message>
    <message>
        <source>No holiday data for “{value}”</source>
        <translation>没有“{value}”的节假日数据</translation>
    </message>
    <message>
        <source>This is not a calendar file (ICS) that can be read: {value}</source>
        <translation>这不是可读取的日历文件（ICS）：{value}</translation>
    </message>
    <message>
        <source>The file cannot be read: {value}</source>
        <translation>无法读取文件：{value}</translation>
    </message>
    <message>
        <source>Condition {number}: “{value}” is not one of this field&apos;s choices</source>
        <translation>条件 {number}：“{value}”不是此字段的选项</translation>
    </message>
</context>
<context>
    <name>ValidationWord</name>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>it has no @</source>
        <translation>缺少 @</translation>
    </message>
    <message>
        <source>the part after the @ is not a valid domain</source>
        <translation>@ 后面的部分不是有效的域名</translation>
    </message>
    <message>
        <source>the part before the @ has characters an address cannot have</source>
        <translation>@ 前面的部分含有邮箱地址中不允许的字符</translation>
    </message>
    <message>
        <source>it is too long</source>
        <translation>地址太长</translation>
    </message>
    <message>
        <source>it is not written like name@example.com</source>
        <translation>格式不像 name@example.com</translation>
    </message>
</context>
<context>
    <name>ViewBar</name>
    <message>
        <source>View:</source>
        <translation>视图:</translation>
    </message>
    <message>
        <source>Saved view</source>
        <translation>已保存视图</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>保存视图…</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <source>Columns…</source>
        <translation>列…</translation>
    </message>
    <message>
        <source>Choose columns</source>
        <translation>选择列</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>所有记录</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>View name:</source>
        <translation>视图名称:</translation>
    </message>
</context>
<context>
    <name>WeekEditor</name>
    <message>
        <source>Working windows per day, e.g. 09:00-12:00, 13:00-18:00. Leave a day empty for a day off; 24h for all day.</source>
        <translation>每天的工作时间段，例如 09:00-12:00, 13:00-18:00。留空表示休息；24h 表示全天。</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>&amp;Monday:</source>
        <translation>星期一(&amp;M):</translation>
    </message>
    <message>
        <source>T&amp;uesday:</source>
        <translation>星期二(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Wednesday:</source>
        <translation>星期三(&amp;W):</translation>
    </message>
    <message>
        <source>T&amp;hursday:</source>
        <translation>星期四(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Friday:</source>
        <translation>星期五(&amp;F):</translation>
    </message>
    <message>
        <source>S&amp;aturday:</source>
        <translation>星期六(&amp;A):</translation>
    </message>
    <message>
        <source>Su&amp;nday:</source>
        <translation>星期日(&amp;N):</translation>
    </message>
    <message>
        <source>Working hours on %1</source>
        <translation>%1的工作时间</translation>
    </message>
    <message>
        <source>day off</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Working hours on extra working days</source>
        <translation>调休上班日的工作时间</translation>
    </message>
    <message>
        <source>E&amp;xtra working day:</source>
        <translation>调休上班日(&amp;X):</translation>
    </message>
    <message>
        <source>Presets:</source>
        <translation>预设:</translation>
    </message>
    <message>
        <source>Mon–Fri 9–&amp;18</source>
        <translation>周一至周五 9–18(&amp;1)</translation>
    </message>
    <message>
        <source>Mon–Fri with &amp;lunch break</source>
        <translation>周一至周五含午休(&amp;L)</translation>
    </message>
    <message>
        <source>24×&amp;7</source>
        <translation>24×&amp;7</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
</context>
<context>
    <name>_PointRow</name>
    <message>
        <source>work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>home</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>首选</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>%1 %2 label</source>
        <translation>%1 %2 类型</translation>
    </message>
    <message>
        <source>%1 %2 is primary</source>
        <translation>%1 %2 为首选</translation>
    </message>
    <message>
        <source>Remove %1 %2</source>
        <translation>移除%1 %2</translation>
    </message>
</context>
</TS>
