"""The offline parser: each case is a sentence and the fields that matter for every item it should yield."""
from __future__ import annotations

import time

import pytest

from foodca.nlp.offline_parser import parse_meal


def check(text: str, expected: list[dict]) -> None:
    split = parse_meal(text)
    assert split.parser == "offline"
    got = [(item.name, item.quantity, item.unit, item.grams) for item in split.items]
    assert len(split.items) == len(expected), got
    for item, want in zip(split.items, expected):
        want = dict(want)
        components = want.pop("components", None)
        for key, value in want.items():
            actual = getattr(item, key)
            if isinstance(value, float) and actual is not None:
                assert actual == pytest.approx(value, abs=0.01), (key, got)
            else:
                assert actual == value, (key, actual, got)
        if components is not None:
            assert [c.name for c in item.components] == [c["name"] for c in components], got
            for comp, comp_want in zip(item.components, components):
                for key, value in comp_want.items():
                    assert getattr(comp, key) == value, (key, comp)
        if item.grams is not None:
            assert item.grams_source == "stated"


ZH_CASES = [
    # names holding a separator, a meal word, a size and a classifier, or a number and a classifier
    ("宝宝喝了婴儿配方奶粉150毫升", [dict(name="婴儿配方奶粉", volume_ml=150.0)]),
    ("中午吃了午餐肉两片", [dict(name="午餐肉", quantity=2, unit="片")]),
    ("一块猪大排，糖醋小排一盘", [dict(name="猪大排", quantity=1, unit="块"), dict(name="糖醋小排", quantity=1, unit="盘")]),
    ("九节虾100克", [dict(name="九节虾", grams=100.0)]),
    ("一杯伏特加，黑加仑果汁一杯", [dict(name="伏特加", unit="杯"), dict(name="黑加仑果汁", unit="杯")]),
    ("有机花菜200克，调和油10克", [dict(name="有机花菜", grams=200.0), dict(name="调和油", grams=10.0)]),
    ("一个人在家吃的早饭：煎蛋两个", [dict(name="煎蛋", quantity=2, unit="个")]),  # 一个人 is who, not what
    # foods said one after another with no separator: one item each; an amount with no food after it is the same food's
    ("早上一个鸡蛋一杯牛奶两片全麦面包", [dict(name="鸡蛋", unit="个"), dict(name="牛奶", unit="杯"),
                                dict(name="全麦面包", quantity=2, unit="片")]),
    ("米饭二两牛肉三两", [dict(name="米饭", grams=100.0), dict(name="牛肉", grams=150.0)]),
    ("燕麦片40g学生奶250ml", [dict(name="燕麦片", grams=40.0), dict(name="学生奶", volume_ml=250.0)]),
    ("一个鸡蛋50克", [dict(name="鸡蛋", quantity=1, unit="个", grams=50.0)]),
    ("鸡蛋两个一共一百二十克", [dict(name="鸡蛋", quantity=2, grams=120.0)]),
    ("煎蛋一个（约60克）牛奶一杯", [dict(name="煎蛋", grams=60.0), dict(name="牛奶", unit="杯", grams=None)]),
    ("一屉小笼包", [dict(name="小笼包", quantity=1, unit="屉")]),
    ("一个大肉包", [dict(name="肉包", quantity=1, unit="个", size="large")]),
    # a classifier with no number after 还有 or 有 is one
    ("中午米饭一碗，还有个苹果，还有杯奶茶", [dict(name="米饭", unit="碗"), dict(name="苹果", quantity=1, unit="个"),
                                  dict(name="奶茶", quantity=1, unit="杯")]),
    ("串串香一份，碗仔糕两个", [dict(name="串串香", unit="份"), dict(name="碗仔糕", quantity=2, unit="个")]),
    # separators
    ("早饭吃了两个包子和一杯豆浆", [dict(name="包子", quantity=2, unit="个"), dict(name="豆浆", quantity=1, unit="杯")]),
    ("米饭一碗、红烧排骨三块；清炒菠菜一盘。", [dict(name="米饭", unit="碗"), dict(name="红烧排骨", quantity=3, unit="块"),
                                       dict(name="清炒菠菜", quantity=1, unit="盘")]),
    ("午餐 牛肉饭一份 + 冰红茶一瓶", [dict(name="牛肉饭", unit="份"), dict(name="冰红茶", unit="瓶")]),
    ("吃了一个苹果，还有一根香蕉，另外一杯酸奶", [dict(name="苹果"), dict(name="香蕉", unit="根"), dict(name="酸奶", unit="杯")]),
    ("喝了碗小米粥\n又吃了个茶叶蛋", [dict(name="小米粥", quantity=1, unit="碗"), dict(name="茶叶蛋", quantity=1, unit="个")]),
    ("西红柿炒鸡蛋一盘", [dict(name="西红柿炒鸡蛋", quantity=1, unit="盘")]),
    ("晚餐吃了和牛120克", [dict(name="和牛", grams=120.0)]),
    ("酸奶加燕麦，各一份", [dict(name="酸奶", quantity=1, unit="份"), dict(name="燕麦", quantity=1, unit="份")]),
    # numbers
    ("一百五十克鸡胸肉", [dict(name="鸡胸肉", grams=150.0, quantity=150, unit="g")]),
    ("两百克牛肉", [dict(name="牛肉", grams=200.0)]),
    ("三百五十毫升橙汁", [dict(name="橙汁", volume_ml=350.0, grams=None)]),
    ("吃了十二个饺子", [dict(name="饺子", quantity=12, unit="个")]),
    ("二十颗葡萄", [dict(name="葡萄", quantity=20, unit="颗")]),
    ("一个半馒头", [dict(name="馒头", quantity=1.5, unit="个")]),
    ("半个西瓜", [dict(name="西瓜", quantity=0.5, unit="个")]),
    ("半碗米饭", [dict(name="米饭", quantity=0.5, unit="碗")]),
    ("几片饼干", [dict(name="饼干", quantity=3, unit="片")]),
    ("两三个橘子", [dict(name="橘子", quantity=2.5, unit="个")]),
    ("1.5个鸡蛋", [dict(name="鸡蛋", quantity=1.5, unit="个")]),
    ("一百二十克红薯", [dict(name="红薯", grams=120.0)]),
    # 两: a number before a classifier, a weight after a number
    ("两个煮鸡蛋", [dict(name="煮鸡蛋", quantity=2, unit="个", grams=None)]),
    ("三两馄饨", [dict(name="馄饨", quantity=3, unit="两", grams=150.0)]),
    ("一两瓜子", [dict(name="瓜子", quantity=1, unit="两", grams=50.0)]),
    ("半斤虾", [dict(name="虾", quantity=0.5, unit="斤", grams=250.0)]),
    ("一斤半荔枝", [dict(name="荔枝", grams=750.0)]),
    ("桃子去核二两半", [dict(name="桃子", grams=125.0)]),
    ("芒果果肉有两两四", [dict(name="芒果", grams=120.0)]),
    ("两斤苹果", [dict(name="苹果", grams=1000.0, quantity=2, unit="斤")]),
    # units and sizes
    ("一小碗绿豆汤", [dict(name="绿豆汤", quantity=1, unit="碗", size="small")]),
    ("一大盘炒面", [dict(name="炒面", quantity=1, unit="盘", size="large")]),
    ("奶茶中杯", [dict(name="奶茶", unit="杯", size="medium")]),
    ("一个大橙子", [dict(name="橙子", unit="个", size="large")]),
    ("一小把开心果", [dict(name="开心果", unit="把", size="small")]),
    ("两勺花生酱", [dict(name="花生酱", quantity=2, unit="勺")]),
    ("一笼小笼包", [dict(name="小笼包", quantity=1, unit="笼", size=None)]),
    ("红酒1.5L", [dict(name="红酒", volume_ml=1500.0)]),
    ("牛奶一升", [dict(name="牛奶", volume_ml=1000.0)]),
    ("牛肉干0.2kg", [dict(name="牛肉干", grams=200.0)]),
    # the amount after the name, and an amount clause of its own
    ("玉米片35g 脱脂奶200ml", [dict(name="玉米片", grams=35.0), dict(name="脱脂奶", volume_ml=200.0)]),
    ("煎饺六个", [dict(name="煎饺", quantity=6, unit="个")]),
    ("葱油饼一张一百二十克", [dict(name="葱油饼", quantity=1, unit="张", grams=120.0)]),
    ("柚子，剥皮以后三两", [dict(name="柚子", grams=150.0)]),
    ("吃了个桃子，去核差不多一百八十克", [dict(name="桃子", quantity=1, unit="个", grams=180.0)]),
    ("卤蛋一个（去壳约55克）", [dict(name="卤蛋", quantity=1, grams=55.0)]),
    ("牛肉串净重六十克", [dict(name="牛肉串", grams=60.0)]),
    ("菠菜，净重一百五十克吧", [dict(name="菠菜", grams=150.0)]),
    ("喝了一碗银耳汤，三百毫升", [dict(name="银耳汤", unit="碗", volume_ml=300.0)]),
    # fillers and states
    ("呃……中午就吃了点那个，凉拌木耳，大概一百克", [dict(name="凉拌木耳", grams=100.0)]),
    ("今天早上在公司吃的：肉夹馍一个", [dict(name="肉夹馍", quantity=1, unit="个")]),
    ("晚饭吃得很少，喝了两百毫升酸奶", [dict(name="酸奶", volume_ml=200.0)]),
    ("三文鱼生重120克", [dict(name="三文鱼", grams=120.0, state="raw")]),
    ("挂面干的80克", [dict(name="挂面", grams=80.0, state="raw")]),
    ("鸡腿肉（熟重）90克", [dict(name="鸡腿肉", grams=90.0, state="cooked")]),
    ("牛里脊150g 芦笋100g（都是生重）", [dict(name="牛里脊", state="raw"), dict(name="芦笋", state="raw")]),
    ("干燕麦四十克", [dict(name="燕麦", grams=40.0, state="raw")]),
    ("生菜一百克", [dict(name="生菜", grams=100.0, state=None)]),
    ("千张八十克", [dict(name="千张", grams=80.0, quantity=80, unit="g")]),
    ("米饭没吃，青菜一百克", [dict(name="青菜", grams=100.0)]),
    # brands
    ("特仑苏纯牛奶一盒250毫升", [dict(name="纯牛奶", brand="特仑苏", unit="盒", volume_ml=250.0)]),
    ("安慕希酸奶一瓶", [dict(name="酸奶", brand="安慕希", unit="瓶")]),
    ("肯德基原味鸡两块", [dict(name="原味鸡", brand="肯德基", quantity=2, unit="块")]),
    ("一罐可乐", [dict(name="可乐", brand=None, unit="罐")]),
    ("三块奥利奥", [dict(name="奥利奥", brand="奥利奥", quantity=3)]),
    # composite dishes
    ("青椒炒肉（青椒150克，猪瘦肉80克）", [dict(name="青椒炒肉", grams=None, components=[dict(name="青椒", grams=150.0),
                                                                             dict(name="猪瘦肉", grams=80.0)])]),
    ("清蒸鳕鱼（鳕鱼肉120克）", [dict(name="清蒸鳕鱼", components=[dict(name="鳕鱼肉", grams=120.0)])]),
    ("酸辣土豆丝（土豆去皮后200克）", [dict(name="酸辣土豆丝", components=[dict(name="土豆", grams=200.0)])]),
    ("杂粮饭，杂粮生重50g", [dict(name="杂粮饭", components=[dict(name="杂粮", grams=50.0, state="raw")])]),
    ("吃了碗炸酱面，面条二百五十克，肉酱四十克", [dict(name="炸酱面", unit="碗", components=[dict(name="面条", grams=250.0),
                                                                             dict(name="肉酱", grams=40.0)])]),
    ("烤羊腿，去骨的羊肉一百八十克", [dict(name="烤羊腿", grams=180.0, components=[])]),
    ("黄焖鸡，鸡肉二百克", [dict(name="黄焖鸡", grams=200.0, components=[])]),  # 黄 says how: one food
    # The weighed part of a soup or of a dish of two foods is that food's, not the dish's weight.
    ("喝了鲫鱼汤，鱼肉八十克", [dict(name="鲫鱼汤", grams=None, components=[dict(name="鲫鱼", grams=80.0)])]),
    ("香菇炖兔肉，兔肉生重二百克，香菇五十克", [dict(name="香菇炖兔肉", grams=None, components=[
        dict(name="兔肉", grams=200.0, state="raw"), dict(name="香菇", grams=50.0)])]),
    ("蒜蓉粉丝蒸扇贝，扇贝肉六十克", [dict(name="蒜蓉粉丝蒸扇贝", components=[dict(name="扇贝", grams=60.0)])]),
    ("一根玉米啃下来玉米粒一百五十克", [dict(name="玉米", grams=150.0)]),  # not 玉米玉米粒
    ("撕了点德州扒鸡吃，去骨的肉大概一百克", [dict(name="德州扒鸡", grams=100.0, components=[])]),  # 吃 is the verb
    # A weighed food the dish's name does not spell out is that food, not the dish's weight.
    ("酸菜鱼，草鱼肉二百克，酸菜一百克", [dict(name="酸菜鱼", grams=None, components=[
        dict(name="草鱼肉", grams=200.0), dict(name="酸菜", grams=100.0)])]),
    ("宫保鸡丁，鸡胸肉一百五十克，花生米二十克", [dict(name="宫保鸡丁", grams=None, components=[
        dict(name="鸡胸肉", grams=150.0), dict(name="花生米", grams=20.0)])]),
    ("烤鸭，鸭胸肉一百克", [dict(name="烤鸭", grams=100.0, components=[])]),  # the roast duck is one food
    ("沙县小吃", [dict(name="沙县小吃")]),
    # a weight said of each one
    ("吃了三个小笼包，每个大概40克", [dict(name="小笼包", quantity=3, grams=120.0)]),
    ("两片面包每片30克", [dict(name="面包", quantity=2, grams=60.0)]),
    ("喝了两瓶啤酒，每瓶330毫升", [dict(name="啤酒", quantity=2, volume_ml=660.0)]),
    # what the weight includes, and what a food is filled with, are not foods
    ("吃了一小把开心果，带壳30克", [dict(name="开心果", grams=30.0)]),
    ("晚上吃了二两饺子，猪肉白菜馅的", [dict(name="饺子", grams=100.0)]),
    ("韭菜鸡蛋馅饺子十个", [dict(name="饺子", quantity=10)]),
    ("牛肉馅饼一个", [dict(name="牛肉馅饼", quantity=1)]),  # a pie: 馅饼 is its name
    # ranges and round numbers: the middle of a range, about so many
    ("米饭100-150克", [dict(name="米饭", grams=125.0)]),
    ("米饭100~150g", [dict(name="米饭", grams=125.0)]),
    ("一百到一百五十克米饭", [dict(name="米饭", grams=125.0)]),
    ("牛肉一百来克", [dict(name="牛肉", grams=100.0)]),
    ("青菜一百多克", [dict(name="青菜", grams=120.0)]),
    ("十来颗草莓", [dict(name="草莓", quantity=10.0, unit="颗")]),
    ("米饭小半碗", [dict(name="米饭", quantity=1 / 3, unit="碗")]),
    ("粥大半碗", [dict(name="粥", quantity=2 / 3, unit="碗")]),
    ("再来两个包子", [dict(name="包子", quantity=2.0)]),  # 来 after 再 is no round number
    ("拿铁大杯一杯", [dict(name="拿铁", quantity=1.0, unit="杯", size="large")]),  # was an unmatched 拿铁大杯
    ("中杯美式两杯", [dict(name="美式", quantity=2.0, unit="杯", size="medium")]),  # two cups, not one
    # what was left out, and how much of it was eaten
    ("喝了杯美式咖啡，没加糖", [dict(name="美式咖啡")]),
    ("咖啡没有加奶", [dict(name="咖啡")]),
    ("不加糖的豆浆一杯", [dict(name="豆浆", unit="杯")]),
    ("一个手抓饼加蛋", [dict(name="手抓饼"), dict(name="蛋")]),
    ("一个苹果，吃了一半", [dict(name="苹果", quantity=0.5)]),
    ("蒸了一条鲈鱼，吃了一半，大概鱼肉150克", [dict(name="鲈鱼", grams=150.0)]),
    ("白灼虾，剥出来的虾肉九十克，还有米饭一碗", [dict(name="白灼虾", grams=90.0), dict(name="米饭", unit="碗")]),
    ("宫保鸡丁一份，米饭一大碗，雪碧一罐330毫升", [dict(name="宫保鸡丁", components=[]), dict(name="米饭", size="large"),
                                           dict(name="雪碧", volume_ml=330.0)]),
    # never lose food words; drop what is only filler
    ("嗯 就这些", []),
    ("", []),
    ("螺蛳粉", [dict(name="螺蛳粉", quantity=None, grams=None, language="zh")]),
]

EN_CASES = [
    ("a venti caramel macchiato and a grande latte", [dict(name="caramel macchiato", size="large"),
                                                       dict(name="latte", size="medium")]),
    ("two eggs and a cup of rice", [dict(name="eggs", quantity=2, unit=None), dict(name="rice", quantity=1, unit="cup")]),
    ("three dumplings, each about 40g", [dict(name="dumplings", quantity=3, grams=120.0)]),
    # the amount after the food, as typed into a log; a number of something else is not an amount
    ("milk 1 cup", [dict(name="milk", quantity=1.0, unit="cup")]),
    # a food that ends like an adverb or a way of doing is no description of the food before it
    ("43g of bread topped with jelly and margarine", [dict(name="bread with jelly and margarine", grams=43.0)]),
    ("turkey with stuffing", [dict(name="turkey with stuffing")]),
    ("91 grams of bread spread with margarine", [dict(name="bread with margarine", grams=91.0)]),  # no margarine spread
    ("chicken with cooking oil", [dict(name="chicken")]),
    # what it was said to be, where it lay, how it was cooked said the long way, what it was for (were unmatched)
    ("275g of a dish called Baiao de Dois", [dict(name="baiao de dois", grams=275.0)]),
    ("my plate had 140 grams of beans", [dict(name="beans", grams=140.0)]),
    ("180 grams of chicken fillet cooked on the grill", [dict(name="chicken fillet grilled", grams=180.0)]),
    ("24.8g of termite larvae cooked by simmering", [dict(name="termite larvae simmered", grams=24.8)]),
    ("a 129.7g apple to munch on", [dict(name="apple", grams=129.7)]),
    # the food's other kinds said after one of them are the food (the beans were dropped: "black" was black beans)
    ("140 grams of black and other beans", [dict(name="black and other beans", grams=140.0)]),
    ("rice and other things", [dict(name="rice")]),
    # a food said cooked after "with" is a food, not how the first was made (the beans were dropped)
    ("282 grams of a tortilla with cooked black beans", [dict(name="tortilla with cooked black beans", grams=282.0)]),
    # what a food is made of, listed after it, is no food of its own (the millet was a serving, 75 times the 2 g)
    ("31g of boiled water and 2g of unleavened corn, millet, and sorghum bread",
     [dict(name="boiled water", grams=31.0), dict(name="unleavened corn, millet and sorghum bread", grams=2.0)]),
    ("119 grams of injera that's half corn and half millet", [dict(name="injera, half corn and millet", grams=119.0)]),
    ("30g of cereals that come from oat, rice, wheat, maize, and barley flours",
     [dict(name="cereals that come from oat, rice, wheat, maize and barley flours", grams=30.0)]),
    ("oatmeal 1 cup, banana 1, coffee 2 cups", [dict(name="oatmeal", quantity=1.0, unit="cup"),
                                                dict(name="banana", quantity=1.0, unit=None),
                                                dict(name="coffee", quantity=2.0, unit="cup")]),
    ("a big pot of coffee, serves 12", [dict(name="coffee, serves 12", quantity=1.0, unit="pot")]),
    ("cooking wine", [dict(name="cooking wine")]),  # a wine, not the verb "cooking"
    ("cooking spray", [dict(name="cooking spray")]),
    ("two bananas weighing 120g each", [dict(name="bananas", quantity=2, grams=240.0)]),
    ("2 slices of bread, 30g each", [dict(name="bread", quantity=2, unit="slice", grams=60.0)]),
    ("a large apple", [dict(name="apple", quantity=1, size="large", unit=None)]),
    ("3 oz grilled chicken breast", [dict(name="grilled chicken breast", grams=85.05, unit="oz", quantity=3)]),
    ("half a cup of oatmeal", [dict(name="oatmeal", quantity=0.5, unit="cup")]),
    # A share "of a" package or pizza: "half of a package" was a whole one, "one-half cup" one cup of "-half cup".
    ("half of a package of frozen peas", [dict(name="frozen peas", quantity=0.5, unit="package")]),
    ("one third of a pizza", [dict(name="pizza", quantity=1 / 3, unit=None)]),
    ("one-half cup of rice", [dict(name="rice", quantity=0.5, unit="cup")]),
    ("three-fourths cup of flour", [dict(name="flour", quantity=0.75, unit="cup")]),
    ("one-sixth of an apple pie", [dict(name="apple pie", quantity=1 / 6, unit=None)]),  # was "-sixth of an apple pie"
    ("an eighth of a cake", [dict(name="cake", quantity=0.125, unit=None)]),
    ("two-fifths of a chocolate bar", [dict(name="chocolate bar", quantity=0.4, unit=None)]),
    ("a steak trimmed to one-eighth of an inch of fat", [dict(name="steak trimmed to one-eighth of an inch of fat")]),
    # A share of a weight said is that share of it: the whole bag (340 g), the whole cake (454 g) were logged.
    ("a quarter of a 12 oz bag of chips", [dict(name="chips", quantity=0.25, unit="bag", grams=85.049)]),
    ("half a 12 oz can of cola", [dict(name="cola", quantity=0.5, unit="can", volume_ml=177.441)]),
    ("one-sixth of a 16-ounce cake", [dict(name="cake", quantity=1 / 6, grams=75.599)]),
    ("a slice of cheesecake, specifically one-sixth of a 17-ounce cake",
     [dict(name="cheesecake", quantity=1, unit="slice", grams=80.323)]),
    ("a 12 oz can of cola", [dict(name="cola", quantity=1, unit="can", volume_ml=354.882)]),
    # A candy's package size said is no part of its name (all three were unmatched, the second of no amount).
    ("a fun size bag of chocolate-covered peanuts", [dict(name="chocolate-covered peanuts", quantity=1, unit="bag")]),
    ("a sharing size pack of licorice while watching the movie", [dict(name="licorice", quantity=1, unit="pack")]),
    ("a movie theater size chocolate candy", [dict(name="chocolate candy", quantity=1, size="large")]),
    ("50g of coffee while eating 180g of couscous", [dict(name="coffee", grams=50), dict(name="couscous", grams=180)]),
    # A product's name, then what it is: one food ("Ensure Plus" was "plus", and a second shake).
    ("One cup of Ensure Plus, a ready-to-drink nutritional shake.",
     [dict(name="ensure plus, ready-to-drink nutritional shake", quantity=1, unit="cup")]),
    ("1 fl oz of Propel Zero, a fruit-flavored non-carbonated drink.",
     [dict(name="propel zero, fruit-flavored non-carbonated drink", volume_ml=29.573)]),
    ("toast, a protein shake", [dict(name="toast"), dict(name="protein shake")]),
    # A measure written with its share: "a half-cup portion of" was a food called "-cup portion of …".
    ("a half-cup portion of light vanilla ice cream", [dict(name="light vanilla ice cream", quantity=0.5, unit="cup")]),
    ("a two-tablespoon serving of peanut butter", [dict(name="peanut butter", quantity=2, unit="tbsp")]),
    # What is to be done with the food is not its name (each was unmatched).
    ("I am getting ready to cook half of a raw pheasant breast.", [dict(name="raw pheasant breast", quantity=0.5)]),
    ("Serving a jar of chicken stew baby food to my toddler.", [dict(name="chicken stew baby food", unit="jar")]),
    ("A serving of frozen peas and carrots.", [dict(name="frozen peas and carrots", unit="serving")]),
    # "boneless" alone before a comma was a food of its own (430 g of pork loin).
    ("a portion of boneless, fat-trimmed grilled chuck steak weighing 3 ounces",
     [dict(name="boneless fat-trimmed grilled chuck steak", grams=85.048)]),
    # How the food is, said before its unit, stays with the food; a size does not.
    ("A third of an unprepared package of frozen Brussels sprouts",
     [dict(name="unprepared frozen brussels sprouts", quantity=1 / 3, unit="package")]),
    ("a regular-sized pouch of chocolate candies", [dict(name="chocolate candies", size="medium", unit="pouch")]),
    # A word before a unit of a shape or a vessel describes the piece; the rest of the sentence is not a food.
    ("a triangular slice of quesadilla", [dict(name="quesadilla", quantity=1, unit="slice")]),
    ("A complete head of raw Romaine lettuce.", [dict(name="raw romaine lettuce", quantity=1, unit="head")]),
    ("an individual serving of graham crackers", [dict(name="individual serving of graham crackers")]),
    ("A meal consisting of one cup of cooked millet.", [dict(name="cooked millet", quantity=1, unit="cup")]),
    ("a big mac from mcdonalds", [dict(name="big mac", size=None, brand="McDonalds")]),  # was a large "mac"
    ("An extra small raw banana", [dict(name="raw banana", size="small")]),  # was unmatched
    # What was done or meant, or the dish it is served as, is not the food's name (all were unmatched).
    ("A side dish of cooked baby corn", [dict(name="cooked baby corn")]),
    ("For breakfast, I will consume a single serving of prepackaged cereal.",
     [dict(name="prepackaged cereal", quantity=1, unit="serving")]),
    ("I plan to prepare a 4-ounce tip round roast", [dict(name="tip round roast", grams=113.398)]),
    ("A teaspoon of dried coriander leaf is being used as a seasoning.",
     [dict(name="dried coriander leaf", quantity=1, unit="tsp")]),
    ("Consuming a full ounce of pure cranberry juice.", [dict(name="pure cranberry juice", quantity=1)]),
    ("I'm going to prepare 0.16 of a package of dry mix scalloped potatoes.",
     [dict(name="dry mix scalloped potatoes", quantity=0.16, unit="package")]),
    ("Heating a can of whole grain pasta", [dict(name="whole grain pasta", quantity=1, unit="can")]),
    # The dish or drink made of the foods after it is no food of its own (was 285 g of potato salad, a soft drink).
    ("For lunch, I made a dish with 5 grams of butter and 33 grams of dried durum pasta.",
     [dict(name="butter", grams=5), dict(name="dried durum pasta", grams=33)]),
    ("I prepared a drink with 3g of instant coffee and 4g of sugar.",
     [dict(name="instant coffee", grams=3), dict(name="sugar", grams=4)]),
    # spread said of a bread is what was done with it, not a spread: the cracker with its butter
    ("a cracker spread with reduced sodium butter", [dict(name="cracker with reduced sodium butter")]),
    ("I had cheese spread", [dict(name="cheese spread")]),  # a food spread, not a meal's: it was dropped
    # What is done next, said in the plain form: "'ll sprinkle" was candy sprinkles.
    ("I'll sprinkle on 3g of iodised salt.", [dict(name="iodised salt", grams=3)]),
    ("I’ll finish it off with 1g of tomato paste.", [dict(name="tomato paste", grams=1)]),
    # Said of the meal, not a food: "my snack right now" was a maker's spelt bagels, "78g of pineapple right now"
    # unmatched.
    ("I'm snacking on 78g of pineapple right now.", [dict(name="pineapple", grams=78)]),
    ("I had 2.5g of tomato puree and 3g of salt. All in all, it was a delightful mix.",
     [dict(name="tomato puree", grams=2.5), dict(name="salt", grams=3)]),
    # A count said with decimals in a meal weighed in grams is grams: "46.0 white bread" was 46 slices.
    ("I had 2.5g of butter, 3g of salt and 46.0 white bread.",
     [dict(name="butter", grams=2.5), dict(name="salt", grams=3), dict(name="white bread", grams=46)]),
    # Typed as into a log, foods and commas: "2 eggs, toast" was one food (an egg bread, 74 g), "eggs, bacon, toast"
    # an egg. Not when the words after the comma say what the one food is.
    ("2 eggs, toast", [dict(name="eggs", quantity=2), dict(name="toast", quantity=None)]),
    ("eggs, bacon, toast", [dict(name="eggs"), dict(name="bacon"), dict(name="toast")]),
    ("for breakfast: 2 eggs, toast, coffee", [dict(name="eggs", quantity=2), dict(name="toast"), dict(name="coffee")]),
    ("200g rice, beans", [dict(name="rice", grams=200), dict(name="beans", grams=None)]),
    ("oatmeal 1 cup, banana", [dict(name="oatmeal", quantity=1, unit="cup"), dict(name="banana")]),
    ("a slice of pizza, pepperoni", [dict(name="pizza, pepperoni", quantity=1, unit="slice")]),
    ("One plain rye cracker, triple layer.", [dict(name="plain rye cracker, triple layer", quantity=1)]),
    ("1 fl oz of infant formula, ready-to-feed.", [dict(name="infant formula, ready-to-feed", quantity=1)]),
    # Shorthand of a typed log: a list marker had stayed in the name ("- 2 eggs", its count lost), "w/" and "x2" in it.
    ("- 2 eggs\n- toast\n- coffee", [dict(name="eggs", quantity=2), dict(name="toast"), dict(name="coffee")]),
    ("1. 2 eggs\n2. toast", [dict(name="eggs", quantity=2), dict(name="toast", quantity=None)]),
    ("eggs x2, toast", [dict(name="eggs", quantity=2), dict(name="toast")]),
    ("2x eggs", [dict(name="eggs", quantity=2)]),
    ("banana + coffee", [dict(name="banana"), dict(name="coffee")]),
    ("Big Mac, medium fries, coke", [dict(name="big mac"), dict(name="fries", size="medium"), dict(name="coke")]),
    ("coffee w/ 2 sugars", [dict(name="coffee"), dict(name="sugars", quantity=2)]),
    ("rice w/o salt", [dict(name="rice without salt")]),
    ("a 2x4 inch brownie", [dict(name="2x4 inch brownie", quantity=1)]),
    # A percentage with decimals is no count: "200 grams of 3.6% fat yogurt" was 3 of a "6% fat yogurt".
    ("200 grams of 3.6% fat yogurt", [dict(name="3.6% fat yogurt", grams=200)]),
    ("3.6% milk", [dict(name="3.6% milk", quantity=None)]),
    # A range is its middle: "3-4 strawberries" had no count, "2 to 3 slices of bacon" was "to 3 slices of bacon".
    ("3-4 strawberries", [dict(name="strawberries", quantity=3.5)]),
    ("2 to 3 slices of bacon", [dict(name="bacon", quantity=2.5, unit="slice")]),
    ("6-8 oz steak", [dict(name="steak", quantity=7, unit="oz", grams=198.45)]),
    ("a 2-3 inch piece of ginger", [dict(name="2-3 inch piece of ginger", quantity=1)]),
    # An amount after a colon, as a log lists it; a meal's heading stays a heading.
    ("eggs: 2", [dict(name="eggs", quantity=2)]),
    ("rice: 200g, chicken: 150 g", [dict(name="rice", grams=200), dict(name="chicken", grams=150)]),
    ("lunch: 2 eggs", [dict(name="eggs", quantity=2)]),
    # Brackets: an amount in them is the food's, other words are said of it. "oatmeal (1 cup), banana" was one food
    # with no amount; "cassava leaves (without added salt)" kept its bracket in the name.
    ("oatmeal (1 cup), banana", [dict(name="oatmeal", quantity=1, unit="cup"), dict(name="banana")]),
    ("greek yogurt (170g), honey (1 tbsp)",
     [dict(name="greek yogurt", grams=170), dict(name="honey", quantity=1, unit="tbsp")]),
    ("eggs (2), toast (1 slice)", [dict(name="eggs", quantity=2), dict(name="toast", quantity=1, unit="slice")]),
    ("2.5 grams of butter on some white bread (20g) with 3 grams of fruit jam",
     [dict(name="butter", grams=2.5), dict(name="white bread", grams=20), dict(name="fruit jam", grams=3)]),
    ("0.2g (0.2g) of salt and 100g of rice (dry)", [dict(name="salt", grams=0.2), dict(name="rice dry", grams=100)]),
    ("1 cup (240 ml) of milk", [dict(name="milk", quantity=1, unit="cup", volume_ml=240)]),
    ("72g of boiled cassava leaves (without added salt), 30g of rice",
     [dict(name="boiled cassava leaves without added salt", grams=72), dict(name="rice", grams=30)]),
    ("175g of sorghum flour (white, w/o husks) and 11g of dried vegetables (spinaches and similar)",
     [dict(name="sorghum flour white without husks", grams=175),
      dict(name="dried vegetables spinaches and similar", grams=11)]),
    # "not made with" is without: "coffee, not made with sugar" was "coffee with sugar".
    ("coffee, not made with sugar", [dict(name="coffee without sugar")]),
    ("a salad that is not served with dressing", [dict(name="salad without dressing")]),
    ("orange juice concentrate, unprepared and not mixed with water",  # was "…, unprepared with water"
     [dict(name="orange juice concentrate", said="orange juice concentrate, unprepared without water")]),
    # "Applying 2 tablespoons of lite buttermilk dressing" was one name with no amount: the dressing's serving.
    ("Applying 2 tablespoons of lite buttermilk dressing to my salad.",
     [dict(name="lite buttermilk dressing", quantity=2, unit="tbsp")]),
    ("Included a tablespoon of reduced fat French dressing in my salad.",
     [dict(name="reduced fat french dressing", quantity=1, unit="tbsp")]),
    ("Just snacking on 40 grams of cucumbers.", [dict(name="cucumbers", grams=40)]),  # "just snacking" was a bar
    ("Right now, I'm snacking on 113g of raw sweetsops.", [dict(name="raw sweetsops", grams=113)]),
    # A part of the food said with it is no second food (was 54 g of a pizza crust, and a layer dip).
    ("a cooked frozen cheese pizza with a regular crust", [dict(name="cooked frozen cheese pizza with crust")]),
    ("a yellow cake with two layers", [dict(name="yellow cake with layers")]),
    ("a pizza topped with cheese and a thin crust", [dict(name="pizza with cheese with thin crust")]),
    ("A serving of half a cup of prepared bread stuffing.",
     [dict(name="prepared bread stuffing", quantity=0.5, unit="cup")]),  # the cup, not a serving of "half a cup"
    ("a serving of 15 pieces of candy", [dict(name="15 pieces of candy", unit="serving")]),  # SR's serving of 15
    ("A cup of fresh broccoli sautéed in butter is on my dinner plate.",
     [dict(name="fresh broccoli sautéed in butter", unit="cup")]),  # "… is" was left on the name: unmatched
    ("A dish being made with 4 ounces of ground lamb", [dict(name="ground lamb", quantity=4, unit="oz")]),
    ("A jar of fruit baby food is being given to my toddler.", [dict(name="fruit baby food", unit="jar")]),
    ("An envelope of chocolate instant breakfast powder",
     [dict(name="chocolate instant breakfast powder", quantity=1, unit="envelope")]),
    # The occasion and pronouns are not foods; "trail mix" and "snack bar" are.
    ("I had a snack with 7.5 grams of crackers and 248 grams of milk",
     [dict(name="crackers", grams=7.5), dict(name="milk", grams=248)]),
    ("I paired that with 600g of a soft drink", [dict(name="soft drink", grams=600)]),
    ("a trail mix and one snack bar", [dict(name="trail mix", quantity=1), dict(name="snack bar", quantity=1)]),
    # …said with no amount too: these were dropped as an occasion ("I had a drink").
    ("I had trail mix", [dict(name="trail mix")]),
    ("protein drink", [dict(name="protein drink")]),
    ("Kool-Aid drink", [dict(name="drink", brand="Kool-Aid")]),
    ("a snack of 200 grams of black beans and 163.1 grams of a tomato, onion, and coriander mix with salt",
     [dict(name="black beans", grams=200), dict(name="tomato"), dict(name="onion"),
      dict(name="coriander mix with salt")]),  # the coriander was dropped
    ("nice drink", []),
    # The food named again, with what it is made from: the wheat was 15 g of wheat germ.
    ("A teaspoon of low sodium shoyu, a soy sauce crafted from soybeans and wheat, is being used.",
     [dict(name="low sodium shoyu, soy sauce crafted from soybeans and wheat", quantity=1, unit="tsp")]),
    ("a cake baked from scratch and a coffee", [dict(name="cake baked from scratch"), dict(name="coffee")]),
    ("1 fl oz infant formula", [dict(name="infant formula", volume_ml=29.57, grams=None)]),
    # "with" + a food without an amount of its own describes the food; with its own amount it is a second item
    ("a slice of whole wheat bread with peanut butter", [dict(name="whole wheat bread with peanut butter", unit="slice")]),
    ("a slice of rye bread with 2 tbsp of peanut butter", [dict(name="rye bread", unit="slice"),
                                                          dict(name="peanut butter", quantity=2, unit="tbsp")]),
    ("For lunch I had mac and cheese and a side salad", [dict(name="mac and cheese"), dict(name="side salad", quantity=1)]),
    ("I ate a bowl of chili with a dozen crackers", [dict(name="chili", unit="bowl"), dict(name="crackers", quantity=12)]),
    ("a couple of slices of pepperoni pizza", [dict(name="pepperoni pizza", quantity=2, unit="slice")]),
    ("2 tbsp almond butter, 1/2 cup blueberries & a banana",
     [dict(name="almond butter", quantity=2, unit="tbsp"), dict(name="blueberries", quantity=0.5, unit="cup"),
      dict(name="banana", quantity=1)]),
    ("one and a half cups of cooked quinoa", [dict(name="cooked quinoa", quantity=1.5, unit="cup")]),
    ("a quarter cup of raisins", [dict(name="raisins", quantity=0.25, unit="cup")]),
    ("½ cup of cottage cheese", [dict(name="cottage cheese", quantity=0.5, unit="cup")]),
    ("twenty-five almonds", [dict(name="almonds", quantity=25)]),
    ("a few strawberries", [dict(name="strawberries", quantity=3)]),
    ("For breakfast, I'm having 45g of granola, 150 ml of skim milk, and a medium banana.",
     [dict(name="granola", grams=45.0), dict(name="skim milk", volume_ml=150.0), dict(name="banana", size="medium")]),
    ("I had 120 grams of roasted sweet potato with 5 grams of olive oil",
     [dict(name="roasted sweet potato", grams=120.0), dict(name="olive oil", grams=5.0)]),
    ("Just enjoyed a snack of 30 grams of cheddar cheese", [dict(name="cheddar cheese", grams=30.0)]),
    ("A warm cup of herbal tea is being savored.", [dict(name="herbal tea", unit="cup", quantity=1)]),
    ("Consuming a can of tomato soup prepared with water.", [dict(name="tomato soup prepared with water", unit="can")]),
    ("1 lb of ground turkey, cooked", [dict(name="ground turkey", grams=453.59, unit="lb")]),
    ("A bowl of Cheerios with a cup of 2% milk", [dict(name="cheerios", brand="Cheerios", unit="bowl"),
                                                  dict(name="2% milk", unit="cup")]),
    ("a 12 oz can of Coke", [dict(name="coke", brand="Coke", unit="can", volume_ml=354.88, grams=None)]),
    ("a grande latte from Starbucks", [dict(name="latte", size="medium", brand="Starbucks")]),  # grande is a cup size
    ("2 Oreo cookies", [dict(name="cookies", brand="Oreo", quantity=2)]),
    ("100 grams of uncooked brown rice", [dict(name="uncooked brown rice", grams=100.0, state="raw")]),
    ("a yellow banana that's 118 grams", [dict(name="yellow banana", grams=118.0)]),
    ("a 250g serving of lentil soup", [dict(name="lentil soup", grams=250.0)]),
    ("3 slices of bacon, 2 eggs, toast and coffee",
     [dict(name="bacon", quantity=3, unit="slice"), dict(name="eggs", quantity=2), dict(name="toast"), dict(name="coffee")]),
    ("A cup of beef and barley soup", [dict(name="beef and barley soup", unit="cup")]),
    ("20g of crackers and breadsticks, 200g of tea", [dict(name="crackers and breadsticks", grams=20.0), dict(name="tea", grams=200.0)]),
    ("I added a bit of honey, about 7 grams", [dict(name="honey", grams=7.0)]),
    ("I'm feeding my baby 4 fl oz of formula", [dict(name="formula", volume_ml=118.29)]),
    ("One medium baked potato, including the skin.", [dict(name="baked potato", size="medium", quantity=1)]),
    ("fish and chips with a pint of beer", [dict(name="fish and chips"), dict(name="beer", volume_ml=473.18)]),
    ("2 eggs; 1 slice of toast", [dict(name="eggs", quantity=2, language="en"), dict(name="toast", unit="slice")]),
    # one food described at length stays one item, with its food words and without filler
    ("A medium bagel with sesame seeds, onion, and garlic.",
     [dict(name="bagel with sesame seeds, onion and garlic", size="medium")]),
    ("A jar of strained baby food containing peaches, pears, and oatmeal.", [dict(unit="jar")]),
    ("A square of cornbread topped with a small amount of honey.", [dict(name="cornbread with honey", unit="square")]),
    ("One thin crust pizza with sausage and a variety of peppers.", [dict(name="thin crust pizza with sausage and peppers")]),
    ("A roasted turkey wing with skin from a 2-pound ready-to-cook turkey.",
     [dict(name="roasted turkey wing with skin from ready-to-cook turkey", grams=None)]),
    ("A whole cherry pie for dessert after my dinner.", [dict(name="cherry pie", quantity=1)]),
    ("An entire peach cobbler sourced from the bakery.", [dict(name="peach cobbler from the bakery")]),
    ("A chicken pot pie that is frozen.", [dict(name="chicken pot pie, frozen", unit=None)]),
    ("A large sweet potato, baked, eaten with its skin.", [dict(name="sweet potato, baked", size="large")]),
    ("Savoring a cup of raw, sliced cucumber.", [dict(name="raw sliced cucumber", unit="cup")]),
    ("A serving of grilled and sliced pork loin weighing 4 ounces.",
     [dict(name="grilled sliced pork loin", grams=113.4, unit="serving")]),
    ("Sipping a hazelnut latte made with soy milk, measuring 12 fluid ounces.",
     [dict(name="hazelnut latte made with soy milk", volume_ml=354.88)]),
    ("For my smoothie, I am using a cup of frozen mango chunks.", [dict(name="frozen mango chunks", unit="cup")]),
    ("A 12-inch pepperoni pizza", [dict(name="12-inch pepperoni pizza", quantity=1)]),
    ("An oatmeal cookie measuring about 3 inches across.", [dict(name="oatmeal cookie")]),
    ("A bar of milk chocolate with 30-40% cocoa solids.", [dict(name="milk chocolate with 30-40% cocoa solids", unit="bar")]),
    ("One slice of apple pie, one-sixth of a 9-inch pie.", [dict(name="apple pie", unit="slice", quantity=1)]),
    ("A cup of Mulligatawny, a curried soup made with lentils and chicken.", [dict(unit="cup")]),
    ("a bagel, a coffee", [dict(name="bagel"), dict(name="coffee")]),
    ("2 slices of ham, 1 egg, grits and orange juice",
     [dict(name="ham", quantity=2, unit="slice"), dict(name="egg", quantity=1), dict(name="grits"),
      dict(name="orange juice")]),
    # The occasion, said with a word about it, is no food: "quick snack" was 240 g of grits, "dinner plate" a veal
    # breast, "simple breakfast" simple syrup; the words between foods were foods too ("to go", "washed down").
    ("I grabbed a quick snack with 40g of white bread and 25g of cereal bars",
     [dict(name="white bread", grams=40.0), dict(name="cereal bars", grams=25.0)]),
    ("I've got a dinner plate with 75 grams of bananas", [dict(name="bananas", grams=75.0)]),
    ("I had a quick snack of 4 grams of Danbo cheese", [dict(name="danbo cheese", grams=4.0)]),  # was unmatched
    ("Indulging in 16 pieces of REESE'S BITES candy.", [dict(quantity=16.0, unit="piece")]),  # "indulging" was a food
    ("74.7 grams of raw cabbage for stir frying", [dict(name="raw cabbage", grams=74.7)]),  # what it is for
    # How it went in: "vegetable oil mixed in" was FNDDS's classic mixed vegetables cooked with oil.
    ("7.7g of vegetable oil mixed in", [dict(name="vegetable oil", grams=7.7)]),
    # The meal it was part of: "leavened corn bread as part of my dinner" was unmatched.
    ("5g of leavened corn bread as part of my dinner", [dict(name="leavened corn bread", grams=5.0)]),
    ("Enjoying a soft pretzel as part of my school lunch.", [dict(name="soft pretzel", quantity=1)]),
    # What it was served as: "cooked collard greens served as a side dish" was unmatched ("… served dish").
    ("A cup of cooked collard greens served as a side dish.", [dict(name="cooked collard greens", unit="cup")]),
    # How hot it was cooked: "plantains cooked on high heat" was unmatched.
    ("432 grams of plantains cooked on high heat", [dict(name="plantains cooked", grams=432.0)]),
    ("a steak seared over medium-high heat", [dict(name="steak seared", quantity=1)]),
    # A size or a half joined to a word is no size: "medium-fat minced beef" was "-fat minced beef", beef tallow.
    ("50g of medium-fat minced beef", [dict(name="medium-fat minced beef", grams=50.0)]),
    ("69.8g of half-fat beef", [dict(name="half-fat beef", grams=69.8)]),
    ("a medium-sized apple", [dict(name="apple", size="medium")]),
    # How the food before was finished is no food: "seasoned" was 100 g of FNDDS's seasoned shredded soup meat.
    ("118.4 grams of kale. It's seasoned with 0.8 grams of iodized salt",
     [dict(name="kale", grams=118.4), dict(name="iodized salt", grams=0.8)]),
    # A food's own peel is no second food, and the weight said after it is the food's.
    ("a fresh lemon with peel weighing 6g", [dict(name="fresh lemon", grams=6.0)]),
    ("a roasted new potato with its skin", [dict(name="roasted new potato")]),
    ("a spoon of sugar stirred in", [dict(name="sugar", unit="spoon")]),
    # Spread is what was done with it: "margarine spread on bread" was FNDDS's 48 % fat margarine spread.
    ("28 grams of margarine spread on 140 grams of wheat bread",
     [dict(name="margarine", grams=28.0), dict(name="wheat bread", grams=140.0)]),
    ("a cup of coffee, spread 5g of margarine on 25g of bread", [dict(name="coffee"), dict(name="margarine", grams=5.0),
                                                                 dict(name="bread", grams=25.0)]),
    ("2 tbsp cheese spread", [dict(name="cheese spread")]),
    # A cheese spread is a food, not a spread of food: its name was "lower in fat".
    ("A package of cheese spread, lower in fat.", [dict(name="cheese spread, lower in fat", unit="package")]),
    ("I had a simple breakfast with 250g of mate tea", [dict(name="mate tea", grams=250.0)]),
    ("a breakfast burrito and a dinner roll", [dict(name="breakfast burrito"), dict(name="dinner roll")]),
    ("I had 15g of peanuts. To go with that, I enjoyed 53g of sorghum flour",
     [dict(name="peanuts", grams=15.0), dict(name="sorghum flour", grams=53.0)]),
    ("I ate 160g of apples, washed down with 60g of water.", [dict(name="apples"), dict(name="water", grams=60.0)]),
    ("Snacking on 112g of apple along with 200g of raspberry compote.",
     [dict(name="apple", grams=112.0), dict(name="raspberry compote", grams=200.0)]),
    # What a food was for, and what was done with it: still that food ("sugar to sweeten it up" was unmatched).
    ("I added 10g of sugar to sweeten it up and 300g of cola to wash it down",
     [dict(name="sugar", grams=10.0), dict(name="cola", grams=300.0)]),
    ("I had 130g of corn bread and paired it with 40g of sugar",
     [dict(name="corn bread", grams=130.0), dict(name="sugar", grams=40.0)]),
    ("There were also 50g of boiled peanuts", [dict(name="boiled peanuts", grams=50.0)]),
    ("I ate a 120g maize tortilla that weighed", [dict(name="maize tortilla", grams=120.0)]),
    ("I had lunch that includes 10g of butter", [dict(name="butter", grams=10.0)]),
    ("0g of dried chili peppers", [dict(name="dried chili peppers", grams=0.0)]),  # none: the meal adds nothing
    ("Tonight's dinner consists of 27g of raw lettuce", [dict(name="raw lettuce", grams=27.0)]),
    ("Dinner tonight includes 250 grams of commercial lemon drink", [dict(name="commercial lemon drink", grams=250.0)]),
    ("I topped it off with 23g of raw red sweet peppers", [dict(name="raw red sweet peppers", grams=23.0)]),
    ("I ate 6g of cookies, sipped on 43.3g of milk tea, and snacked on 36g of raw peanuts.",
     [dict(name="cookies"), dict(name="milk tea", grams=43.3), dict(name="raw peanuts", grams=36.0)]),
    # A weight said after what a food comes with is the food's: 141.4 g of sugar was 550 kcal.
    ("I also made a coffee with milk and sugar that weighs 141.4g.",
     [dict(name="coffee with milk and sugar", grams=141.4)]),
    ("a burger with lettuce and tomato weighing 250 g", [dict(name="burger with lettuce and tomato", grams=250.0)]),
    ("180g of Minas cheese, and a tiny bit of sugar, just 5g.", [dict(name="minas cheese"), dict(name="sugar", grams=5.0)]),
    ("67.0g of fish, 911.g of lemonade", [dict(name="fish", grams=67.0), dict(name="lemonade", grams=911.0)]),
    # A unit left out in a meal weighed in grams is grams (was 2.2 cups of milk, 537 g, and 23.5 tomatoes, 2.9 kg).
    ("13.3g of whole eggs, 6.0g of ham, 2.2 of 2% milk", [dict(name="whole eggs"), dict(name="ham"),
                                                         dict(name="2% milk", grams=2.2)]),
    ("2.5g of butter, 1g of puree, 23.5 tomatoes", [dict(name="butter"), dict(name="puree"),
                                                    dict(name="tomatoes", grams=23.5)]),
    ("1.5 bananas and 200g of yogurt and 30g of nuts", [dict(name="bananas", quantity=1.5, grams=None),
                                                        dict(name="yogurt"), dict(name="nuts")]),
    ("435 grams of cereal with milk and a fruit salad that weighs 94.1 grams",
     [dict(name="cereal with milk", grams=435.0), dict(name="fruit salad", grams=94.1)]),
    # A number in words is apart from its unit: "al" was "a l", one litre of tacos (1,248 kcal).
    ("two tacos al pastor", [dict(name="tacos al pastor", quantity=2.0, unit=None, volume_ml=None)]),
    ("half a liter of milk", [dict(name="milk", quantity=0.5, unit="l", volume_ml=500.0)]),
    ("a half-gallon of milk", [dict(name="milk", quantity=0.5, unit="gallon")]),
    # A version word keeps its brand: "a coke zero" was a food called "zero" (a Powerade Zero).
    ("a coke zero", [dict(name="coke zero", brand="Coke")]),
    ("a Pepsi Max", [dict(name="pepsi max", brand="Pepsi")]),
    ("Oreo cookies", [dict(name="cookies", brand="Oreo")]),
    # A list of foods is the foods (was one food "pork chop, mashed potatoes and green beans"); a log's heading is
    # no food ("dinner: a pork chop" was one).
    ("I had a pork chop, mashed potatoes and green beans.", [dict(name="pork chop", quantity=1.0),
                                                            dict(name="mashed potatoes"), dict(name="green beans")]),
    ("a burger, fries and a coke", [dict(name="burger"), dict(name="fries"), dict(name="coke")]),
    ("Dinner: steak, baked potato and salad", [dict(name="steak"), dict(name="baked potato"), dict(name="salad")]),
    ("Breakfast - 2 eggs, toast", [dict(name="eggs", quantity=2.0), dict(name="toast")]),
    ("Lunch: a turkey sandwich", [dict(name="turkey sandwich", quantity=1.0)]),
    # …but one food described in parts, or the dish of the others, stays one.
    ("roasted ham, boneless and cured", [dict(name="roasted ham, boneless and cured")]),
    ("A cup of cheese, meat, and dark-green vegetable omelet", [dict(name="cheese, meat and dark-green vegetable omelet")]),
    ("nonfat dry milk, free from added vitamins A and D", [dict(name="nonfat dry milk, free from added vitamins a and d")]),
]


@pytest.mark.parametrize(("text", "expected"), ZH_CASES, ids=[c[0][:16] or "empty" for c in ZH_CASES])
def test_chinese(text, expected):
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), EN_CASES, ids=[c[0][:30] for c in EN_CASES])
def test_english(text, expected):
    check(text, expected)


def test_items_keep_language_and_said():
    split = parse_meal("中午吃了两个韭菜盒子，一共两百克")
    (item,) = split.items
    assert item.language == "zh"
    assert item.said.startswith("两个韭菜盒子") or "韭菜盒子" in item.said
    assert (item.quantity, item.unit, item.grams) == (2, "个", 200.0)


def test_is_deterministic_and_fast():
    text = "早饭：燕麦片40g，学生奶250ml，两个水煮蛋，一根香蕉（去皮约100克），一小把坚果"
    first = parse_meal(text)
    assert len(first.items) == 5
    start = time.perf_counter()
    for _ in range(200):
        assert parse_meal(text) == first
    assert (time.perf_counter() - start) / 200 < 0.005
