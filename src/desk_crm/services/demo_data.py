"""Word lists for the sample database: Chinese and Western companies, people and places."""

from __future__ import annotations

CN_SURNAMES = ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 "
               "邓 曹 彭 曾 萧 田 董 潘 袁 蔡 蒋 余 于 杜 叶 程 魏 苏 吕 丁 任 卢 姚 沈 钟 姜 崔 谭 "
               "陆 范 汪 廖 石 金 韦 贾 夏 付 方 邹 熊 白 孟 秦 邱 侯 江 尹 薛 闫 段 雷 龙 黎 史 陶 "
               "贺 毛 郝 顾 龚 邵 万 覃 武 钱 戴 严 欧阳 司马 诸葛 上官").split()
CN_GIVEN = ("伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 建华 "
            "文 华 红 建国 志强 桂兰 玉兰 海燕 晓明 子涵 欣怡 梓轩 浩然 雨桐 思远 嘉怡 宇航 "
            "佳琪 俊杰 婷婷 晨曦 一鸣 雅婷 博文 心怡 天佑 若曦 子墨 诗涵 奕辰 铭 彤 楠").split()
WESTERN_GIVEN = ("James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth "
                 "David Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen "
                 "Daniel Nancy Matthew Lisa Anthony Betty Mark Sandra Paul Ashley Steven "
                 "Emily Andrew Donna Kenneth Michelle Joshua Carol Kevin Amanda Brian Melissa "
                 "Émile Zoë Søren Ingrid Mateo Lucía Hans Anneke François Chloé").split()
WESTERN_FAMILY = ("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez "
                  "Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin "
                  "Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King "
                  "Wright Scott Green Baker Adams Nelson Müller Schmidt Dubois Rossi "
                  "O'Brien Nakamura Kowalski Jensen Novak").split()
WESTERN_PARTICLE_FAMILY = ("van Dijk", "de la Cruz", "von Braun", "di Stefano")

CN_CITIES = (
    ("上海", "上海市", "200000", "021"), ("北京", "北京市", "100000", "010"),
    ("广州", "广东省", "510000", "020"), ("深圳", "广东省", "518000", "0755"),
    ("杭州", "浙江省", "310000", "0571"), ("南京", "江苏省", "210000", "025"),
    ("成都", "四川省", "610000", "028"), ("武汉", "湖北省", "430000", "027"),
    ("苏州", "江苏省", "215000", "0512"), ("西安", "陕西省", "710000", "029"),
    ("重庆", "重庆市", "400000", "023"), ("天津", "天津市", "300000", "022"),
    ("厦门", "福建省", "361000", "0592"), ("青岛", "山东省", "266000", "0532"),
)
CN_STREETS = ("南京西路", "中山路", "人民路", "解放大道", "建国门外大街", "天府大道", "科技园南路",
              "延安东路", "长江路", "滨江大道", "文三路", "珠江新城花城大道")
CN_COMPANY_HEADS = ("瑞丰", "华信", "恒通", "金桥", "东方", "长城", "海纳", "天成", "中科", "新航",
                    "博远", "德润", "嘉禾", "锦程", "宏图", "万达", "启明", "星辰", "汇智", "安达")
CN_COMPANY_TRADES = (("贸易", "Trading"), ("科技", "Technology"), ("物流", "Logistics"),
                     ("制造", "Manufacturing"), ("医疗器械", "Medical devices"),
                     ("食品", "Food"), ("建材", "Building materials"), ("软件", "Software"),
                     ("电子", "Electronics"), ("咨询", "Consulting"))
CN_HEAD_PINYIN = {"瑞丰": "ruifeng", "华信": "huaxin", "恒通": "hengtong", "金桥": "jinqiao",
                  "东方": "dongfang", "长城": "changcheng", "海纳": "haina",
                  "天成": "tiancheng", "中科": "zhongke", "新航": "xinhang", "博远": "boyuan",
                  "德润": "derun", "嘉禾": "jiahe", "锦程": "jincheng", "宏图": "hongtu",
                  "万达": "wanda", "启明": "qiming", "星辰": "xingchen", "汇智": "huizhi",
                  "安达": "anda"}

# city, state, postcode, country, phone prefix, a street in that city
WESTERN_CITIES = (
    ("San Francisco", "CA", "94105", "US", "+1 415", "Market Street"),
    ("New York", "NY", "10001", "US", "+1 212", "Madison Avenue"),
    ("London", "", "EC1A 1BB", "GB", "+44 20", "High Holborn"),
    ("Berlin", "", "10115", "DE", "+49 30", "Friedrichstraße"),
    ("Paris", "", "75002", "FR", "+33 1", "Rue de Rivoli"),
    ("Toronto", "ON", "M5H 2N2", "CA", "+1 416", "King Street West"),
    ("Sydney", "NSW", "2000", "AU", "+61 2", "George Street"),
    ("Singapore", "", "048616", "SG", "+65 6", "Orchard Road"),
)
WESTERN_COMPANY_HEADS = ("Northwind", "Contoso", "Fabrikam", "Blue Harbor", "Silverline",
                         "Redwood", "Atlas", "Pioneer", "Summit", "Evergreen", "Lighthouse",
                         "Copperfield")
WESTERN_COMPANY_TAILS = (("Traders", "Trading"), ("Logistics", "Logistics"),
                         ("Software", "Software"), ("Medical", "Medical devices"),
                         ("Foods", "Food"), ("Analytics", "Consulting"),
                         ("Manufacturing", "Manufacturing"), ("Electronics", "Electronics"))
LEGAL_FORMS = ("Inc.", "Ltd", "GmbH", "LLC", "S.A.")

CN_TITLES = ("总经理", "销售经理", "采购经理", "财务总监", "技术总监", "市场专员", "行政主管",
             "项目经理", "工程师", "董事长助理")
WESTERN_TITLES = ("CEO", "Head of Purchasing", "Sales Manager", "CFO", "CTO",
                  "Marketing Specialist", "Office Manager", "Project Manager", "Engineer",
                  "Operations Director")
DEPARTMENTS_CN = ("销售部", "采购部", "财务部", "技术部", "市场部", "行政部")
DEPARTMENTS_EN = ("Sales", "Purchasing", "Finance", "Engineering", "Marketing", "Operations")
TAGS = ("VIP", "decision maker", "华东", "华南", "华北", "newsletter", "key account", "渠道",
        "trade show 2026", "reference customer")
REPS = (("李娜", "li.na@deskcrm.example"), ("Tom Becker", "tom.becker@deskcrm.example"),
        ("王伟", "wang.wei@deskcrm.example"), ("Sofia Rossi", "sofia.rossi@deskcrm.example"),
        ("陈静", "chen.jing@deskcrm.example"))
