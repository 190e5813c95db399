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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contacts (%1)</source>
        <translation>联系人(&amp;C) (%1)</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityEditor</name>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the due time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15 minutes before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At a set time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation type="unfinished">（未分配）</translation>
    </message>
    <message>
        <source>Pick an account from the suggestions, or clear the field</source>
        <translation type="unfinished">请从建议列表中选择客户，或清空此字段</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished">备注</translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished">负责人</translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished">客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished">联系人</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no contact, lead or opportunity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation type="unfinished">详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Call about the quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has a due time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Du&amp;ration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;minder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;peat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Linked to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished">客户(&amp;A):</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished">变更历史(&amp;H)</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation type="unfinished">变更历史</translation>
    </message>
    <message>
        <source>When / field</source>
        <translation type="unfinished">时间/字段</translation>
    </message>
    <message>
        <source>Who / old value</source>
        <translation type="unfinished">操作人/原值</translation>
    </message>
    <message>
        <source>What / new value</source>
        <translation type="unfinished">操作/新值</translation>
    </message>
</context>
<context>
    <name>ActivityTimeline</name>
    <message>
        <source>Activities, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
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
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pipeline stages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lead scoring rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
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
    <name>BoardCard</name>
    <message>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No next step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardColumn</name>
    <message>
        <source>Stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys move between cards and stages; %1 moves the card to the next or previous stage; Enter opens it; or drag it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardColumnModel</name>
    <message>
        <source>no next step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>&amp;Owner:</source>
        <translation type="unfinished">负责人(&amp;O):</translation>
    </message>
    <message>
        <source>Owner filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter opportunities (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter opportunities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed this opportunity meanwhile; the board shows it as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That opportunity no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All owners</source>
        <translation type="unfinished"></translation>
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
    <name>ContactEditor</name>
    <message>
        <source>(nobody)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>A&amp;ctivities (%1)</source>
        <translation type="unfinished"></translation>
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
    <name>ConvertLeadDialog</name>
    <message>
        <source>Convert lead “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished">客户</translation>
    </message>
    <message>
        <source>Create a &amp;new account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New account name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to an &amp;existing account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact “%1” is created at that account with the lead&apos;s email and phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an &amp;opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected close date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpected close:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Convert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the new account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an account from the suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no open pipeline stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new account “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the contact joins the account “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a contact “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an opportunity “%1” of %2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converting creates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lead changed since it was opened; close and reopen it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lead or the chosen account was deleted.</source>
        <translation type="unfinished"></translation>
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
    <name>ErrorDialog</name>
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
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>FilteredListPage</name>
    <message>
        <source>All owners</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Forecast</name>
    <message>
        <source>Forecast chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open or won opportunities close in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast by close month (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thousands of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForecastPage</name>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own&amp;er:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished">负责人</translation>
    </message>
    <message>
        <source>Forecast by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast by owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By o&amp;wner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2. Commit: open at ≥ %3 % probability plus won; best case: all open plus won; weighted: amount × probability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The forecast failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All owners</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadEditor</name>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation type="unfinished">（未分配）</translation>
    </message>
    <message>
        <source>No points yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converted %1 into %2. This lead is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished">姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished">名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished">职务</translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished">邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished">电话</translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished">城市</translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished">国家/地区</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished">负责人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished">备注</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished">客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished">联系人</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation type="unfinished">详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation type="unfinished">姓(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mpany:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished">职务(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished">电话(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company si&amp;ze:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company size (employees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Countr&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished">备注(&amp;N):</translation>
    </message>
    <message>
        <source>Lead score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished">变更历史(&amp;H)</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation type="unfinished">变更历史</translation>
    </message>
    <message>
        <source>When / field</source>
        <translation type="unfinished">时间/字段</translation>
    </message>
    <message>
        <source>Who / old value</source>
        <translation type="unfinished">操作人/原值</translation>
    </message>
    <message>
        <source>What / new value</source>
        <translation type="unfinished">操作/新值</translation>
    </message>
    <message>
        <source>Con&amp;vert…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert into an account, a contact and an opportunity (Ctrl+Shift+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert lead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadListPage</name>
    <message>
        <source>St&amp;atus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished">负责人</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
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
        <source>%1 list</source>
        <translation>%1列表</translation>
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
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
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
    <name>MyDayPage</name>
    <message>
        <source>Whose activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New task (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing due. Press N to add a task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming, next 7 days (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 overdue · %3 today · %4 upcoming</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpportunityEditor</name>
    <message>
        <source>(nobody)</source>
        <translation type="unfinished">（未分配）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 % of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why was this opportunity won?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why was this opportunity lost?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a percentage such as 65 or 72.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an account from the suggestions, or clear the field</source>
        <translation type="unfinished">请从建议列表中选择客户，或清空此字段</translation>
    </message>
    <message>
        <source>Say why it was won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why it was lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished">客户</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished">负责人</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won/lost reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished">备注</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation type="unfinished">详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished">名称(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished">客户(&amp;A):</translation>
    </message>
    <message>
        <source>Primary &amp;contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1,234.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpected close:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected close date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No expected close date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Probability %:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won/lost &amp;reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tage history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time in stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished">变更历史(&amp;H)</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation type="unfinished">变更历史</translation>
    </message>
    <message>
        <source>When / field</source>
        <translation type="unfinished">时间/字段</translation>
    </message>
    <message>
        <source>Who / old value</source>
        <translation type="unfinished">操作人/原值</translation>
    </message>
    <message>
        <source>What / new value</source>
        <translation type="unfinished">操作/新值</translation>
    </message>
</context>
<context>
    <name>OpportunityListPage</name>
    <message>
        <source>O&amp;wner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished">负责人</translation>
    </message>
    <message>
        <source>S&amp;tage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;loses in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No next step &amp;only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Won – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why was it won? (moving to “%1”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why was it lost? (moving to “%1”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason is needed to move it to “%1”:</source>
        <translation type="unfinished"></translation>
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
        <source>Recorded in the history of every change you make</source>
        <translation>您所做的每项更改都会以此姓名记入变更历史</translation>
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
    <name>ReminderBanner</name>
    <message>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderRow</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze 10 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message>
        <source>Desk CRM</source>
        <translation type="unfinished">Desk CRM</translation>
    </message>
    <message>
        <source>Desk CRM reminder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SalesColumns</name>
    <message>
        <source>Website</source>
        <translation type="unfinished">网站</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advertisement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unqualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ No next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open, no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished">邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished">电话</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished">负责人</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished">更新时间</translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished">客户</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prob.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next activity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoringRulesDialog</name>
    <message>
        <source>Lead scoring rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lead&apos;s score is the sum of these points; the lead editor lists every point with its reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier %1 from employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier %1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points per logged activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most, for activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per logged activity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StageSettingsDialog</name>
    <message>
        <source>Pipeline stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages in pipeline order. A stage used by opportunities cannot be removed, only deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is used by opportunities, so it stays in their history. It was deactivated instead.</source>
        <translation type="unfinished"></translation>
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
        <source>A user needs a name</source>
        <translation>用户必须有名称</translation>
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
