"""The deterministic offline splitter: meal text in Chinese or English → items with amounts, stdlib only.

Choices worth knowing (kept stable because the matcher and the tests rely on them):
- 几 / a few / several count as 3; 两三个 (a range) is the mean, 2.5.
- 两 is the number 2 before a classifier or 百/千/万 (两个, 两百克), the weight unit (50 g) after a number (二两).
- A weight always goes to ``grams`` (source "stated"); the count said with it is kept in quantity/unit
  (油饼一个一百克 → quantity 1, unit 个, grams 100). A bare weight keeps quantity + unit too (二两 → 2 两).
- A clause that has an amount but no food of its own (草莓，去蒂以后半斤) belongs to the item before it.
- A dish said without a weight and followed by weighed ingredients (牛肉面，面条三百克，酱牛肉五十克) becomes one
  item whose ``components`` are the ingredients; a weighed part of the same food (烤鸡，去骨的鸡肉一百五十克)
  gives its weight to the dish instead. 糙米饭，糙米生重60g → item 糙米饭 with component 糙米 60 g raw.
- Parentheses belong to the item before them: an amount or state there is that item's, foods there are its
  components.
- English "and"/"with" do not split when the right side has no amount of its own and the left side's amount
  is a weight or a container (a cup of beef and rice with gravy), when the right side only describes the
  left (made with milk), or inside a known dish (mac and cheese).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from foodca.matching.text import EN_BREADS, ZH_COOKING_PREFIX
from foodca.nlp.items import SHARE_DENOMINATORS, Split, SplitItem, VOLUME_UNITS_ML, WEIGHT_UNITS_G

# Brands are matched at the start of an item (and after "from"/"by" in English); longest first.
BRANDS_ZH = (
    "特仑苏", "金典", "安慕希", "纯甄", "伊利", "蒙牛", "光明", "君乐宝", "三元", "新希望", "卫岗", "简爱", "认养一头牛",
    "康师傅", "统一", "今麦郎", "白象", "农夫山泉", "怡宝", "百岁山", "娃哈哈", "农夫", "可口可乐", "百事可乐", "百事",
    "元气森林", "王老吉", "加多宝", "椰树", "维他奶", "维他", "养乐多", "奥利奥", "乐事", "旺旺", "三只松鼠", "良品铺子",
    "百草味", "卫龙", "徐福记", "达利园", "好丽友", "盼盼", "麦当劳", "肯德基", "星巴克", "瑞幸", "喜茶", "奈雪的茶",
    "奈雪", "蜜雪冰城", "茶百道", "古茗", "一点点", "coco", "必胜客", "汉堡王", "德克士", "赛百味", "达美乐", "海底捞",
    "西贝", "思念", "三全", "湾仔码头", "双汇", "金锣", "雨润", "桂格", "西麦", "雀巢", "哈根达斯", "德芙", "士力架",
    "费列罗", "好时", "绿箭", "益达", "红牛", "东鹏特饮", "脉动", "佳得乐", "味全", "北冰洋", "冰峰", "李锦记", "老干妈",
    "海天", "太太乐", "臻味", "华润", "盒马", "全家", "罗森", "7-11", "便利蜂", "满记甜品", "鲍师傅", "稻香村", "桃李",
    "宾堡", "曼可顿", "味多美", "好利来", "85度C", "元祖", "每日黑巧", "ffit8", "WonderLab", "Keep",
)
BRANDS_EN = (
    "Cheerios", "Oreo", "Oreos", "Coca-Cola", "Coca Cola", "Coke", "Diet Coke", "Pepsi", "Sprite", "Fanta",
    "Mountain Dew", "Dr Pepper", "Gatorade", "Red Bull", "Monster", "Starbucks", "Dunkin'", "Dunkin",
    "McDonald's", "McDonalds", "Burger King", "Wendy's", "Taco Bell", "Subway", "KFC", "Chipotle", "Domino's",
    "Pizza Hut", "Papa John's", "Chick-fil-A", "Panera", "Panda Express", "Five Guys", "In-N-Out", "Arby's",
    "Kellogg's", "Kelloggs", "General Mills", "Post", "Quaker", "Nature Valley", "Clif", "KIND", "RXBAR",
    "Lay's", "Lays", "Doritos", "Cheetos", "Fritos", "Pringles", "Tostitos", "Ritz", "Triscuit", "Wheat Thins",
    "Goldfish", "Cheez-It", "Nabisco", "Keebler", "Pepperidge Farm", "Archway", "Little Debbie", "Hostess",
    "Nutella", "Jif", "Skippy", "Smucker's", "Heinz", "Kraft", "Oscar Mayer", "Hormel", "Tyson", "Ball Park",
    "Campbell's", "Progresso", "Chef Boyardee", "Stouffer's", "Lean Cuisine", "Healthy Choice", "Banquet",
    "Hot Pockets", "DiGiorno", "Totino's", "Eggo", "Pillsbury", "Betty Crocker", "Duncan Hines", "Bisquick",
    "Chobani", "Yoplait", "Dannon", "Danone", "Oikos", "Fage", "Siggi's", "Activia", "Horizon", "Fairlife",
    "Silk", "Almond Breeze", "Oatly", "Lactaid", "Ben & Jerry's", "Häagen-Dazs", "Haagen-Dazs", "Breyers",
    "Dreyer's", "Edy's", "Blue Bell", "Hershey's", "Hershey", "Reese's", "M&M's", "Snickers", "Kit Kat",
    "Twix", "Milky Way", "Skittles", "Starburst", "Sara Lee", "Nature's Own", "Dave's Killer Bread", "Wonder",
    "Thomas'", "Ore-Ida", "Birds Eye", "Green Giant", "Del Monte", "Dole", "Tropicana", "Minute Maid",
    "Simply", "Ocean Spray", "Welch's", "Capri Sun", "Kool-Aid", "Lipton", "Nestle", "Nestlé", "Carnation",
    "Similac", "Enfamil", "Gerber", "Beech-Nut", "Ensure", "Boost", "Premier Protein", "Muscle Milk",
    "Quest", "Special K", "Frosted Flakes", "Froot Loops", "Lucky Charms", "Cap'n Crunch", "Kashi",
    "Annie's", "Amy's", "Trader Joe's", "Kirkland", "Great Value", "365", "Sabra", "Tillamook",
    "Philadelphia", "Velveeta", "Land O'Lakes", "Jell-O", "Cool Whip", "Hellmann's", "Ragu", "Prego",
    "Barilla", "Uncle Ben's", "Zatarain's", "Old El Paso", "Mission", "Bush's", "SPAM", "Bumble Bee",
    "StarKist", "Jimmy Dean", "Johnsonville", "Bob Evans", "Krispy Kreme", "Auntie Anne's", "Cinnabon",
    "Dairy Queen", "Sonic", "Jack in the Box", "Popeyes", "Whataburger", "Culver's", "Shake Shack",
)

WEIGHT_UNITS_ZH = {"千克": "kg", "公斤": "kg", "克": "g", "斤": "斤", "两": "两", "毫克": "mg", "盎司": "oz", "磅": "lb"}
VOLUME_UNITS_ZH = {"毫升": "ml", "升": "l", "公升": "l"}
LATIN_UNITS = {  # as written after a number, in either language
    "g": "g", "gr": "g", "gram": "g", "grams": "g", "gramme": "g", "grammes": "g", "kg": "kg", "kgs": "kg",
    "kilogram": "kg", "kilograms": "kg", "mg": "mg", "milligram": "mg", "milligrams": "mg",
    "oz": "oz", "ounce": "oz", "ounces": "oz", "lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb",
    "ml": "ml", "milliliter": "ml", "milliliters": "ml", "millilitre": "ml", "millilitres": "ml", "cc": "ml",
    "l": "l", "liter": "l", "liters": "l", "litre": "l", "litres": "l", "cl": "cl", "dl": "dl",
    "fl oz": "fl oz", "fl. oz": "fl oz", "fl.oz": "fl oz", "floz": "fl oz", "fluid ounce": "fl oz",
    "fluid ounces": "fl oz", "pint": "pint", "pints": "pint", "quart": "quart", "quarts": "quart",
    "gallon": "gallon", "gallons": "gallon",
}
_GRAMS = dict(WEIGHT_UNITS_G, mg=0.001)
_ML = dict(VOLUME_UNITS_ML, cl=10.0, dl=100.0, pint=473.176, quart=946.353, gallon=3785.41)

CLASSIFIERS_ZH = (
    "汤勺", "汤匙", "茶匙", "小勺", "勺", "匙", "个", "只", "根", "片", "块", "碗", "盘", "碟", "杯", "瓶", "罐", "听",
    "盒", "袋", "包", "份", "串", "把", "颗", "粒", "条", "张", "笼", "屉", "枚", "节", "截", "段", "瓣", "棵", "支",
    "盆", "锅", "捧", "撮", "滴", "朵", "壶", "桶", "口", "头", "排", "卷", "板", "扎", "顿",
)
UNITS_EN = {
    "cup": "cup", "cups": "cup", "cupful": "cup", "cupfuls": "cup", "tablespoon": "tbsp", "tablespoons": "tbsp",
    "tablespoonful": "tbsp", "tbsp": "tbsp", "tbsps": "tbsp", "tbs": "tbsp", "teaspoon": "tsp",
    "teaspoons": "tsp", "tsp": "tsp", "tsps": "tsp", "spoon": "spoon", "spoons": "spoon", "spoonful": "spoon",
    "spoonfuls": "spoon", "slice": "slice", "slices": "slice", "piece": "piece", "pieces": "piece",
    "bowl": "bowl", "bowls": "bowl", "plate": "plate", "plates": "plate", "glass": "glass", "glasses": "glass",
    "can": "can", "cans": "can", "bottle": "bottle", "bottles": "bottle", "serving": "serving",
    "servings": "serving", "portion": "portion", "portions": "portion", "handful": "handful",
    "handfuls": "handful", "stick": "stick", "sticks": "stick", "scoop": "scoop", "scoops": "scoop",
    "packet": "packet", "packets": "packet", "package": "package", "packages": "package", "pack": "pack",
    "packs": "pack", "bar": "bar", "bars": "bar", "jar": "jar", "jars": "jar", "container": "container",
    "containers": "container", "carton": "carton", "cartons": "carton", "mug": "mug", "mugs": "mug",
    "strip": "strip", "strips": "strip", "fillet": "fillet", "fillets": "fillet", "leaf": "leaf",
    "leaves": "leaf", "square": "square", "squares": "square", "wedge": "wedge", "wedges": "wedge",
    "cube": "cube", "cubes": "cube", "clove": "clove", "cloves": "clove", "head": "head", "heads": "head",
    "ear": "ear", "ears": "ear", "spear": "spear", "spears": "spear", "stalk": "stalk", "stalks": "stalk",
    "link": "link", "links": "link", "patty": "patty", "patties": "patty", "pouch": "pouch",
    "pouches": "pouch", "pots": "pot", "box": "box", "boxes": "box", "bag": "bag", "bags": "bag", "bunch": "bunch",
    "dash": "dash", "dashes": "dash", "pinch": "pinch", "pinches": "pinch", "sprig": "sprig",
    "sprigs": "sprig", "shot": "shot", "shots": "shot", "dollop": "dollop", "dollops": "dollop",
    "splash": "splash", "drop": "drop", "drops": "drop", "loaf": "loaf", "loaves": "loaf", "sheet": "sheet",
    "sheets": "sheet", "tub": "tub", "tubs": "tub", "pot": "pot", "cone": "cone", "cones": "cone",
    "order": "order", "orders": "order",  # an order of fries: a restaurant's serving
    "envelope": "envelope", "envelopes": "envelope", "tray": "tray", "trays": "tray", "pat": "pat", "pats": "pat",
    "sachet": "sachet", "sachets": "sachet",
}
# Amounts that hold a mixture: "a cup of beef and rice" stays one item.
CONTAINER_UNITS = {
    "cup", "tbsp", "tsp", "spoon", "bowl", "plate", "glass", "can", "bottle", "serving", "order", "portion", "handful",
    "scoop", "packet", "package", "pack", "jar", "container", "carton", "mug", "pouch", "box", "bag", "tub",
    "pot", "g", "kg", "mg", "oz", "lb", "ml", "l", "cl", "dl", "fl oz", "pint", "quart", "gallon",
}
SIZES_EN = {
    "grande": "medium", "venti": "large", "trenta": "large",  # coffee-shop cup sizes
    "small": "small", "little": "small", "mini": "small", "medium": "medium", "regular": "medium",
    "medium-sized": "medium", "large": "large", "big": "large", "jumbo": "large", "extra-large": "large",
    "extra large": "large", "xl": "large", "huge": "large", "sizable": "large", "sizeable": "large",
    "hearty": "large", "generous": "large", "king-sized": "large", "king-size": "large", "modest": "small",
    "small-sized": "small", "large-sized": "large", "regular-sized": "medium", "regular-size": "medium",
    "normal-sized": "medium", "average-sized": "medium", "standard-sized": "medium", "extra small": "small",
    "extra-small": "small",
    # A candy's or a snack's package sizes, as USDA measures them ("1 miniature/bite size/fun size", "1 sharing/movie
    # theater size"): the words stay in what was said, for the food's own measure to be found.
    **{f"{kind}{joint}{size}": package_size
       for kinds, package_size in ((("fun", "snack", "bite"), "small"),
                                   (("sharing", "share", "king", "movie theater", "movie-theater"), "large"))
       for kind in kinds for joint in (" ", "-") for size in ("size", "sized")},
}
SIZES_ZH = {"小": "small", "中": "medium", "大": "large"}
DISHES_EN = (
    "mac and cheese", "macaroni and cheese", "peanut butter and jelly", "peanut butter & jelly", "pb and j",
    "pb&j", "rice and beans", "beans and rice", "fish and chips", "biscuits and gravy", "bangers and mash",
    "chips and salsa", "chips and guacamole", "chicken and waffles", "chicken and dumplings", "chicken and rice",
    "pork and beans", "franks and beans", "ham and cheese", "spaghetti and meatballs", "surf and turf",
    "sweet and sour", "salt and vinegar", "salt and pepper", "cookies and cream", "cookies 'n cream",
    "strawberries and cream", "half and half", "half-and-half", "bread and butter", "corned beef and cabbage",
    "liver and onions", "shrimp and grits", "steak and eggs", "lox and bagel", "sour cream and onion",
    "cheese and crackers", "oil and vinegar", "chicken with rice", "coffee with milk", "coffee with cream",
    "tea with milk", "tea with lemon", "rice with chicken", "arroz con pollo", "chili con carne",
)

# Words with a numeral, a separator or a meal word inside that are not amounts or boundaries. The filler phrases
# are said around food, not food: they are kept whole while splitting, then stripped as fillers.
_ZH_FILLER_PHRASES = ("一个人", "一口气", "一下子", "一会儿", "一顿", "一起", "一边", "一整")
_ZH_PROTECTED_NAMES = (
    "千张", "千层", "千岛", "百叶", "百合", "百香果", "三文鱼", "三明治", "三鲜", "五花", "五香", "五仁", "八宝", "八角",
    "四季豆", "十三香", "七喜", "九层塔", "一品", "二锅头", "半熟", "两面", "万州", "六个核桃", "一点点",
    # Names that hold a separator (加, 和, 配), a meal word (午餐), a size and a classifier (大排, 大头) or a number
    # and a classifier (九节): without this, 伏特加 was 伏特, 婴儿配方奶粉 two items, 午餐肉 肉, 猪大排 猪.
    "伏特加", "加吉鱼", "黑加仑", "调和油", "配方", "午餐肉", "午餐肠", "午餐肚", "午餐鱼", "大排", "小排",
    "大头菜", "九节虾", "是拉差", "有机", "有盐", "和尚头", "小根蒜", "加糖豆浆", "加蛋手抓饼", "小笼包",
)
_ZH_PROTECTED = _ZH_PROTECTED_NAMES + _ZH_FILLER_PHRASES
_ZH_LEXICAL_SIZE = (  # 大/小 starting a name: not a size
    "大米", "大葱", "大蒜", "大白菜", "大闸蟹", "大枣", "大虾", "大饼", "大豆", "大麦", "大黄鱼", "大头菜",
    "大酱", "大骨", "大盘鸡", "大拌菜", "大列巴", "大黄米", "大馅", "大红袍", "大杏仁", "大白兔", "大福",
    "小米", "小笼", "小龙虾", "小白菜", "小油菜", "小黄鱼", "小麦", "小葱", "小番茄", "小馒头", "小酥肉", "小炒",
    "小黄瓜", "小鸡", "小面", "小麻花", "小吃", "小青菜", "小排", "小蛋糕", "小汤圆", "小馄饨", "小菜", "小枣",
    "小鱼", "小米椒", "小土豆", "小核桃", "小蘑菇", "小南瓜", "中华", "中式", "中药", "中秋",
)
_ZH_NOT_STATE = (
    "生菜", "生蚝", "生姜", "生煎", "生抽", "生鱼片", "生日", "生椰", "生巧", "生滚", "生炒", "生啤", "生鲜",
    "干锅", "干煸", "干炒", "干拌", "干贝", "干酪", "干果", "干豆腐", "干丝", "干烧", "干红", "干白", "干煎", "干炸",
    "干脆面", "干饭", "干锅", "干捞", "干货", "干鲍", "熟食",
)
_DISH_CHARS = frozenset("炒炖烧煮蒸拌汤粥面饭羹锅烤煎炸焖卤涮烫盘拍爆熘溜煲焗扒酿凉沙拉串糊")
_ZH_NOT_FOOD = frozenset(("外卖", "东西", "饭菜", "零食", "宵夜", "夜宵", "早饭", "午饭", "晚饭", "一顿", "一口", "朋友", "同事"))
_PART_SUFFIXES = "肉粒仁瓤液"  # 鱼肉, 玉米粒, 核桃仁: the edible part of the food before it
_BROTHS = ("汤", "羹")  # a soup's weighed fish is the fish: its broth adds little
_GENERIC_PARTS = frozenset(("肉", "净肉", "果肉", "瓜瓤", "瓤", "果仁", "仁", "蛋液", "可食部", "净含量"))

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
_FULLWIDTH.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})
_FULLWIDTH.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
_FULLWIDTH.update({0x3000: 0x20, 0xFF0E: 0x2E, 0xFF05: 0x25, 0x2019: 0x27, 0x2018: 0x27, 0x2044: 0x2F})
_ZH_RANGE = re.compile(r"\s*[-~～到至]\s*")
_ZH_PART_OF_ONE = {"小半": 1 / 3, "大半": 2 / 3}  # 小半碗, 大半碗
_ZH_SHARE_EATEN = {**_ZH_PART_OF_ONE, "一半": 0.5, "半": 0.5, "半个": 0.5, "一小半": 1 / 3, "一大半": 2 / 3,
                   "三分之一": 1 / 3, "三分之二": 2 / 3, "四分之一": 0.25, "四分之三": 0.75}
# 一百来克 is about a hundred; 一百多克 a hundred and some (a fifth more: 一百多 is said of 110 to 190, mostly the
# lower end); 一百余克, written, a little more.
_ZH_ABOUT = {"来": 1.0, "多": 1.2, "余": 1.1}
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}


@dataclass
class _Amount:
    quantity: float | None = None
    unit: str | None = None
    size: str | None = None
    grams: float | None = None
    volume_ml: float | None = None
    each: bool = False  # 每个40克: the weight or volume of one, to be multiplied by the count

    def merge(self, other: _Amount) -> None:
        """Fill what is still missing from a later amount said for the same food."""
        if other.grams is not None and self.grams is None:
            self.grams = other.grams
        if other.volume_ml is not None and self.volume_ml is None:
            self.volume_ml = other.volume_ml
        if self.quantity is None and other.quantity is not None:
            self.quantity, self.unit = other.quantity, other.unit
        self.size = self.size or other.size

    @property
    def empty(self) -> bool:
        return self.quantity is None and self.grams is None and self.volume_ml is None and self.size is None

    @property
    def measured(self) -> bool:
        return self.grams is not None or self.volume_ml is not None


def _set_measure(amount: _Amount, number: float, unit: str) -> None:
    """Record a weight or volume, keeping it as the amount's quantity/unit when no count was said."""
    if unit in _GRAMS:
        if amount.grams is None:
            amount.grams = round(number * _GRAMS[unit], 3)
    elif amount.volume_ml is None:
        amount.volume_ml = round(number * _ML[unit], 3)
    if amount.quantity is None:
        amount.quantity, amount.unit = number, unit


@dataclass
class _Piece:
    """One clause of the text, read: its words, its amounts and what it says about weight."""

    said: str
    name: str
    amount: _Amount
    state: str | None = None
    brand: str | None = None
    drop: bool = False  # chatter or something not eaten
    all_state: str | None = None  # 都是生重: a state for every item said so far
    parens: list[str] = field(default_factory=list)
    sep: str = "start"  # what came before: start | strong | comma | conj
    header: bool = False  # followed by a colon and without an amount: 水果：…
    vague: bool = False  # "a bit of", "some": an amount too vague to read, but an item of its own
    amount_after: bool = False  # "oatmeal 1 cup", "rice (200 g)": typed as into a log, the amount after the food


# ---------------------------------------------------------------- numbers

_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_MULT = {"十": 10, "百": 100, "千": 1000, "万": 10000}


def _zh_int(text: str) -> float:
    """一百五十 → 150, 两百 → 200, 十二 → 12, 一百二 → 120 (a trailing digit takes the next lower place)."""
    total, section, digit, last_mult = 0.0, 0.0, None, 1
    for ch in text:
        if ch in _ZH_DIGIT:
            digit = _ZH_DIGIT[ch]
        elif ch == "万":
            section += digit or 0
            total += (section or 1) * 10000
            section, digit, last_mult = 0.0, None, 10000
        else:
            mult = _ZH_MULT[ch]
            section += (1 if digit is None else digit) * mult
            digit, last_mult = None, mult
    if digit is not None:
        section += digit * (last_mult // 10 if last_mult >= 100 else 1)
    return total + section


def _number(text: str) -> float:
    """A number as written in either language: 2.5, ½, 1/2, 1 1/2, 一百五十, 半, 几, 两三 (→ 2.5)."""
    text = text.strip()
    if text in ("半", "一半"):
        return 0.5
    if text in _ZH_PART_OF_ONE:
        return _ZH_PART_OF_ONE[text]
    between = _ZH_RANGE.search(text, 1)
    if between:
        return (_number(text[:between.start()]) + _number(text[between.end():])) / 2  # 100-150克: the middle
    if len(text) > 1 and text[-1] in _ZH_ABOUT:
        return _number(text[:-1]) * _ZH_ABOUT[text[-1]]
    if text in ("几", "好几"):
        return 3.0
    if len(text) == 2 and all(c in "一二两三四五六七八九" for c in text) and text not in ("二两",):
        a, b = _ZH_DIGIT[text[0]], _ZH_DIGIT[text[1]]
        if b == a + 1:
            return (a + b) / 2
    if "点" in text:
        whole, _, frac = text.partition("点")
        return _zh_int(whole) + float("0." + "".join(str(_ZH_DIGIT[c]) for c in frac))
    if _CJK.search(text):
        return _zh_int(text)
    frac = _FRACTIONS.get(text[-1]) if text else None
    if frac is not None:
        return (float(text[:-1]) if text[:-1].strip() else 0.0) + frac
    if "/" in text:
        whole, _, rest = text.rpartition(" ")
        num, _, den = rest.partition("/")
        return (float(whole) if whole else 0.0) + float(num) / float(den)
    return float(text)


_EN_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_PHRASES = {
    "a": 1, "an": 1, "one": 1, "single": 1, "a single": 1, "one single": 1, "half": 0.5, "a half": 0.5,
    "half a": 0.5, "half an": 0.5, "one half": 0.5, "quarter": 0.25, "a quarter": 0.25, "one quarter": 0.25,
    "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3, "three quarters": 0.75, "three-quarters": 0.75,
    "two-thirds": 2 / 3, "a couple of": 2, "a couple": 2, "couple of": 2, "a pair of": 2,
    "a few": 3, "few": 3, "several": 3, "a dozen": 12, "dozen": 12, "half a dozen": 6, "one and a half": 1.5,
    "a whole": 1, "one whole": 1, "a fourth": 0.25, "one fourth": 0.25, "three fourths": 0.75, "three-fourths": 0.75,
    "one-half": 0.5, "a-half": 0.5, "one-third": 1 / 3, "one-quarter": 0.25, "one-fourth": 0.25,
}

# Shares beyond the everyday half, third and quarter, read by their denominators.
_EN_ORDINALS = {word: denominator for word, denominator in SHARE_DENOMINATORS.items() if denominator >= 5}
_EN_ORDINAL_SHARE = f"(?:{'|'.join(_EN_ORDINALS)})"
# "one-sixth", "an eighth", "two-fifths": the ordinal shares as said.
_EN_ORDINAL_SHARES = rf"(?:one|an?)[- ]{_EN_ORDINAL_SHARE}|(?:two|three|four|five|seven)[- ]{_EN_ORDINAL_SHARE}s"


def _en_number(text: str) -> float:
    text = re.sub(r"\s+", " ", text.strip().lower())
    # "a third of a", "three quarters of the": the share, whatever it is of.
    text = re.sub(r"^(half|(?:one|a|two|three)[- ](?:half|third|thirds|quarter|quarters|fourth|fourths)) of (?:an?|the)$",
                  r"\1", text)
    if text in _EN_PHRASES:
        return float(_EN_PHRASES[text])
    share = re.fullmatch(rf"(one|an?|two|three|four|five|seven)[- ]({_EN_ORDINAL_SHARE})s?(?: of (?:an?|the))?", text)
    if share:
        numerator = 1 if share.group(1) in ("a", "an") else _EN_ONES[share.group(1)]
        return numerator / _EN_ORDINALS[share.group(2)]
    m = re.fullmatch(r"(\w+) and a half", text)
    if m:
        return _en_number(m.group(1)) + 0.5
    if re.match(r"[\d½¼¾⅓⅔⅛]", text):
        return _number(text)
    total = 0
    for word in re.split(r"[- ]", text):
        total += _EN_TENS.get(word, 0) + _EN_ONES.get(word, 0)
    return float(total)


# ---------------------------------------------------------------- Chinese

def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_ZH_NUMCH = "零〇一二三四五六七八九十百千万"
_ZH_UNIT_ALT = _alt(list(WEIGHT_UNITS_ZH) + list(VOLUME_UNITS_ZH) + list(CLASSIFIERS_ZH))
_LATIN_ALT = _alt(sorted(set(LATIN_UNITS) - {"gr", "cc"}, key=len, reverse=True) + ["gr", "cc"])
_ZH_ONE_NUMBER = rf"(?:\d+(?:\.\d+)?|[{_ZH_NUMCH}两]+)"
_NUM_ZH = (
    # 100-150克, 一百到一百五十克: a range; 一百来克, 一百多克, 十来颗: about so many
    rf"(?:{_ZH_ONE_NUMBER}\s*[-~～到至]\s*{_ZH_ONE_NUMBER}(?=\s*[大中小]?(?:{_ZH_UNIT_ALT}))"
    rf"|{_ZH_ONE_NUMBER}[来多余](?=[大中小]?(?:{_ZH_UNIT_ALT}))|小半|大半"
    r"|\d+(?:\.\d+)?(?:/\d+)?|\d*[½¼¾⅓⅔⅛]"
    rf"|(?:一两|两三|三四|四五|五六|六七|七八|八九)(?=[大中小]?(?:{_alt(CLASSIFIERS_ZH)}))"
    rf"|一半|好几|几|半|两(?=两)|两(?=[百千万])[{_ZH_NUMCH}]*|两(?=[大中小]?(?:{_ZH_UNIT_ALT.replace('两|', '')}))"
    rf"|[{_ZH_NUMCH}]+(?:点[零一二三四五六七八九]+)?)"
)
_ZH_AMOUNT = re.compile(
    # 一斤半 / 一斤二两
    rf"(?P<jin>{_NUM_ZH})斤(?:(?P<jin_half>半)|(?P<jin_liang>[一二两三四五六七八九])两)?"
    # 二两 / 二两半 / 三两六
    rf"|(?P<liang>{_NUM_ZH})两(?:(?P<liang_half>半)|(?P<liang_tenth>[一二三四五六七八九])(?![{_ZH_NUMCH}]|{_ZH_UNIT_ALT}))?"
    # 250ml / 60 g / 1.5L / 3 oz
    rf"|(?P<lnum>\d+(?:\.\d+)?(?:\s*[-~～到至]\s*\d+(?:\.\d+)?)?|\d*[½¼¾⅓⅔⅛])\s*(?P<lunit>{_LATIN_ALT})(?![A-Za-z])"
    # 一小盘 / 两个 / 一个半 / 三百毫升 / 了+个 (吃了个苹果)
    rf"|(?P<num>{_NUM_ZH})?(?P<size>[大中小])?(?P<unit>{_ZH_UNIT_ALT})(?P<half>半)?",
    re.IGNORECASE,
)
_ZH_SPLIT = re.compile(
    r"(?P<strong>[；;。！!？?\n]+)"
    r"|(?P<comma>[，,、:：]+|(?<!\d)[~～]+|[~～]+(?!\s*\d)|…+|\.{3,}|\s+)"  # not 100~150克, a range
    r"|(?P<conj>还有|以及|外加|另外|再加上|再加|再来|加上|然后|配了|配上|配着|就着|加了|又|再(?!制)|配(?!菜|料)"
    r"|和(?!牛|果子)|跟|与|[+＋&＆]|(?<![追增参添没不有别])加(?!餐|热|工|班|州|拿大|湿|速|入|重|倍|量|应子|冰|料))"
)
_ZH_COMPANY = re.compile(r"[跟和与同](?:朋友|同事|家人|老公|老婆|孩子|爸妈|父母|同学|室友|女朋友|男朋友|对象|闺蜜)们?(?:一起)?")
_ZH_DROP = re.compile(r"没吃|没喝|没算|不算|没有吃|忘了|啥|什么|来着|就这些|就这俩|就这样|就这么多|没了|不记得")
# 没加糖, 不放油: what was left out of the food before, not a food (不加糖的豆浆一杯 is one, and is kept).
_ZH_NOT_ADDED = re.compile(r"(?:也|都|还|就)?(?:没有|没再|没|不|别)(?:加|放|要|蘸|沾|配)(?:了|过)?[\u4e00-\u9fff]{1,4}?[的了啊呢]?")
_ZH_NOT_ADDED_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])(?:也|都|还|就)?(?:没有|没再|没|不|别)(?:加|放|要)(?:了|过)?"
                                 r"[\u4e00-\u9fff]{1,3}$")
_ZH_LOCATION = re.compile(r"^(?:在)?[\u4e00-\u9fff]{0,6}(?:店|食堂|餐厅|饭店|摊|外面|家里|公司|楼下|里|上)$")
_ZH_ALL_STATE = re.compile(r"^[都全]是(?P<what>.*)$")
_ZH_WHERE = re.compile(r"在[\u4e00-\u9fff]{1,6}?(?:吃的|吃了|买的|买了|点的|点了|吃|买)")
_ZH_STATE_RAW = re.compile(r"生重|干重|生的|干的|泡之前|泡发前|泡前|煮之前|煮前|未煮|\(生\)|^生$|^干$")
_ZH_STATE_COOKED = re.compile(r"熟重|熟的|煮熟后|煮好后|煮好的|煮熟的|煮过的|做好的|^熟$")
_ZH_EACH = re.compile(rf"每一?(?:{_alt(CLASSIFIERS_ZH)})")  # 每个, 每片: what follows is the amount of one
_ZH_PREP = re.compile(
    r"(?:削|剥|去|拆|切|挑|剔|撕)(?:了|完|掉|好|去)?(?:皮|壳|核|籽|子|蒂|梗|骨|刺|筋|头|根|芯|瓤)(?:以后|之后|后|的)?"
    r"|净重|净含量|可食部分?|生重|熟重|干重|生的|干的|熟的|泡之前|泡发前|泡前|煮之前|煮前|煮熟后|煮好后"
    r"|大概|大约|差不多|左右|一共|总共|总计|合计|称了一下|称了下|称了|称一下|称重|估计|应该|可能|约|共|上下|多点|多一点"
    r"|[带连](?:皮|壳|骨)的?|不带皮的?|毛重|去皮|剥出来的?|拆出来的?|挑出来的?|片下来的?|啃下来的?|剩下的?|出来的?|下来的?"
    r"|那个|这个|嗯+|呃+|啊|呀|吧|呢|嘛|哦对|哦|诶|哎|额|就这些|各|分别|每样|每种"
    rf"|{_ZH_EACH.pattern}"
)
_ZH_LEAD = re.compile(
    r"^(?:今天|昨天|今早|今晚|今儿|早上|早晨|早饭|早餐|上午|中午|午饭|午餐|下午茶|下午|傍晚|晚上|晚饭|晚餐|夜宵|宵夜|夜里"
    r"|半夜|凌晨|加餐|饭后|饭前|餐后|餐前|健身餐|减脂餐|工作餐|主食是|主食|就是|上面的?|里面的?|旁边的?|汤里的?|另外|就|还|又|也|都|我|自己|然后|一个人|在家"
    r"|点了|买了|来了|来|吃了点|喝了点|吃了|喝了|吃的|喝的|吃|喝|是|用|弄了|有|还有|一些|一点|些|少许|点(?!心))+"
)
_ZH_TRAIL = re.compile(r"(?:(?:[泡煮做打熬蒸炒烤炸买点吃喝拌冲]|煮好|做好)的|左右|上下|而已|这些|的|啊|吧|呢|了|有|是|重"
                       r"|(?<=[\u4e00-\u9fff]{2})(?<![小好])[吃喝])+$")  # 撕了点德州扒鸡吃: the verb, not 小吃
_ZH_CHATTER = re.compile(r"(?:吃得|喝得|吃的|喝的)(?:很|比较|太|挺|有点)?[少多简单饱好随便清淡]+|随便对付了?一口|对付了?一口|很简单|饿了|嘴馋"
                         r"|当(?:加餐|早饭|早餐|午饭|午餐|晚饭|晚餐|夜宵|宵夜|零食|点心|主食)")
_ZH_FILLED_WITH = re.compile(r"^[\u4e00-\u9fff]{1,8}?馅的?(?P<food>[\u4e00-\u9fff]{2,})$")  # not 牛肉馅饼, a pie
_ZH_FOOD_THEN_PART = re.compile(r"^(?P<food>[\u4e00-\u9fff]{2,4})(?P=food)[\u4e00-\u9fff]{0,2}$")
_ZH_OF_PREFIX = re.compile(r"^[\u4e00-\u9fff]{1,6}?的(?=[\u4e00-\u9fff])")
_ZH_BARE_AT_START = frozenset("个杯碗份瓶盘罐听碟颗串")
_ZH_PROTECT = re.compile(_alt(_ZH_PROTECTED))
_ZH_PROTECT_NAMES = re.compile(_alt(_ZH_PROTECTED_NAMES))
_ZH_STATE_PREFIX = re.compile(rf"^(?!{_alt(_ZH_NOT_STATE)})(?P<s>[生干熟])(?=[\u4e00-\u9fff])")
_ZH_SIZE_PREFIX = re.compile(rf"^(?!{_alt(_ZH_LEXICAL_SIZE)})(?P<s>[大中小])(?=[\u4e00-\u9fff]{{2}})")
_BRAND_ZH = re.compile(rf"^(?P<b>{_alt(BRANDS_ZH)})的?", re.IGNORECASE)
_PLACEHOLDER = re.compile("[\ue000-\ue0ff]")
_PAREN_REF = re.compile("[\ue100-\ue1ff]")  # where a parenthesis stood in a clause; see _zh_clauses


def _protect(text: str, protected: re.Pattern = _ZH_PROTECT) -> tuple[str, list[str]]:
    saved: list[str] = []

    def keep(m: re.Match) -> str:
        saved.append(m.group(0))
        return chr(0xE000 + len(saved) - 1)

    return protected.sub(keep, text), saved


def _unprotect(text: str, saved: list[str]) -> str:
    return _PLACEHOLDER.sub(lambda m: saved[ord(m.group(0)) - 0xE000], text) if saved else text


def _zh_amounts(text: str) -> tuple[_Amount, list[tuple[int, int, bool]]]:
    """All amounts in a clause, merged into one, with their spans (and whether each was a bare classifier)."""
    amount = _Amount()
    spans: list[tuple[int, int, bool]] = []
    counted_by_size = False  # the count so far is a bare 中杯's one
    for m in _ZH_AMOUNT.finditer(text):
        g = m.groupdict()
        if g["jin"]:
            n = _number(g["jin"]) + (0.5 if g["jin_half"] else 0) + (_ZH_DIGIT[g["jin_liang"]] / 10 if g["jin_liang"] else 0)
            _set_measure(amount, n, "斤")
        elif g["liang"]:
            n = _number(g["liang"]) + (0.5 if g["liang_half"] else 0) + (_ZH_DIGIT[g["liang_tenth"]] / 10 if g["liang_tenth"] else 0)
            _set_measure(amount, n, "两")
        elif g["lnum"]:
            unit = LATIN_UNITS[g["lunit"].lower()]
            if unit not in _GRAMS and unit not in _ML:
                continue
            _set_measure(amount, _number(g["lnum"]), unit)
        else:
            unit = g["unit"]
            bare = g["num"] is None
            if bare:
                before = text[m.start() - 1] if m.start() else ""
                # A classifier with no number counts as one only right after a verb (吃了个, 来杯, 还有个) or a size
                # (中杯).
                after = text[m.end():m.end() + 1]
                # At the start of a clause after 还有 or 再来 (还有个苹果), the classifiers that begin no food name.
                first = (m.start() == 0 and unit in _ZH_BARE_AT_START and not g["size"]
                         and after not in ("子", "仔", unit))
                # 可乐中杯, 拿铁大杯一杯: a size and a classifier at the end, or before the count, are the size said.
                sized = g["size"] and (not before or not _CJK.match(before) or not after or not _CJK.match(after)
                                       or after in _ZH_NUMCH)
                if not (first or (before and before in "了来有") or sized):
                    continue
            n = 1.0 if bare else _number(g["num"])
            if g["half"]:
                n += 0.5
            if g["size"]:
                amount.size = amount.size or SIZES_ZH[g["size"]]
            if unit in WEIGHT_UNITS_ZH:
                _set_measure(amount, n, WEIGHT_UNITS_ZH[unit])
            elif unit in VOLUME_UNITS_ZH:
                _set_measure(amount, n, VOLUME_UNITS_ZH[unit])
            elif amount.quantity is None or amount.unit in _GRAMS or amount.unit in _ML or (
                    counted_by_size and not bare and unit == amount.unit):
                amount.quantity, amount.unit = n, unit  # 中杯美式两杯: two medium cups, not one
            counted_by_size = bare
            spans.append((m.start(), m.end(), unit in CLASSIFIERS_ZH))
            continue
        spans.append((m.start(), m.end(), False))
    return amount, spans


def _zh_clean(piece: str) -> tuple[str, str | None]:
    """Strip fillers, meal words and preparation words from a piece of a clause; return (words, state)."""
    state = None
    if _ZH_STATE_RAW.search(piece):
        state = "raw"
    elif _ZH_STATE_COOKED.search(piece):
        state = "cooked"
    piece = _ZH_WHERE.sub("", piece)
    piece = _ZH_CHATTER.sub("", piece)
    piece = _ZH_PREP.sub("", piece)
    if "了" in piece:
        head, _, tail = piece.rpartition("了")
        piece = tail  # what precedes the last 了 is the verb phrase: 啃了 / 卧了 / 下午吃了
    previous = None
    piece, saved = _protect(piece, _ZH_PROTECT_NAMES)  # 午餐肉 and 有机花菜 do not begin with a meal word or 有
    while previous != piece:
        previous = piece
        piece = _ZH_LEAD.sub("", piece)
        piece = _ZH_TRAIL.sub("", piece)
        piece = _ZH_OF_PREFIX.sub("", piece)
        piece = piece.strip(" .·-—_~*'\"“”‘’")
    piece = _unprotect(piece, saved)
    if len(piece) > 3 and piece.endswith(("果肉", "净肉", "瓜瓤", "可食部")):
        piece = piece[:-3] if piece.endswith("可食部") else piece[:-2]
    piece = _ZH_NOT_ADDED_AFTER.sub("", piece) or piece  # 咖啡没有加奶: coffee
    filled = _ZH_FILLED_WITH.match(piece)
    if filled:
        piece = filled.group("food")  # 韭菜鸡蛋馅饺子 are dumplings; the filling is said, not a food of its own
    repeated = _ZH_FOOD_THEN_PART.match(piece)
    if repeated:
        # 玉米啃下来玉米粒: the food, then the part of it that was weighed; 玉米粒 alone is the table's dry kernels.
        piece = repeated.group("food")
    m = _ZH_STATE_PREFIX.match(piece)
    if m and len(piece) >= 2:
        state = state or ("cooked" if m.group("s") == "熟" else "raw")
        piece = piece[1:]
    return piece, state


def _zh_piece(raw: str, saved: list[str]) -> _Piece:
    """Read one clause: amounts out, the food words left, brand and size split off."""
    whole = _unprotect(raw, saved).strip()
    said = _ZH_LEAD.sub("", _ZH_WHERE.sub("", whole)) or whole  # said starts at the food: 中午吃了二两米饭 → 二两米饭
    text = _ZH_COMPANY.sub("", raw)
    if _ZH_DROP.search(whole) or _ZH_NOT_ADDED.fullmatch(whole):
        return _Piece(said=said, name="", amount=_Amount(), drop=True)
    all_state = _ZH_ALL_STATE.match(re.sub(r"[吧啊呢嘛的了]+$", "", whole))
    if all_state:
        what = all_state.group("what")
        st = "raw" if re.search(r"生|干", what) else "cooked" if "熟" in what else None
        return _Piece(said=said, name="", amount=_Amount(), drop=st is None, all_state=st)
    amount, spans = _zh_amounts(text)
    amount.each = amount.measured and bool(_ZH_EACH.search(text))
    # The words between amounts: the food is the first stretch left once fillers are gone.
    # The words right after a classifier are its food (上面一个煎的荷包蛋); else the first words left.
    parts, cursor, follows_classifier = [], 0, [False]
    for start, end, is_classifier in spans:
        parts.append(text[cursor:start])
        follows_classifier.append(is_classifier)
        cursor = end
    parts.append(text[cursor:])
    state, names, preferred = None, [], None
    for part, after in zip(parts, follows_classifier):
        words, st = _zh_clean(_unprotect(part, saved))
        state = state or st
        if words:
            names.append(words)
            if after and preferred is None:
                preferred = words
    name = preferred or (names[0] if names else "")
    if name in _ZH_NOT_FOOD:
        name = ""
    if name and _ZH_LOCATION.match(name) and not amount.measured and len(names) == 1 and amount.quantity is None:
        return _Piece(said=said, name="", amount=amount, drop=True)
    piece = _Piece(said=said, name=name, amount=amount, state=state)
    _zh_name_details(piece, spans, text)
    return piece


def _zh_name_details(piece: _Piece, spans, text: str) -> None:
    """Brand at the start, a size right after a classifier (一个大苹果 → large), a trailing 的."""
    if not piece.name:
        return
    m = _BRAND_ZH.match(piece.name)
    if m:
        piece.brand = m.group("b")
        rest = piece.name[m.end():]
        piece.name = rest if len(rest) >= 1 and _CJK.search(rest) else piece.brand
    if any(is_classifier for _, _, is_classifier in spans):
        m = _ZH_SIZE_PREFIX.match(piece.name)
        if m and piece.amount.size is None:
            piece.amount.size = SIZES_ZH[m.group("s")]
            piece.name = piece.name[1:]


def _zh_runs(chunk: str, saved: list[str]) -> list[str]:
    """一个鸡蛋一杯牛奶两片面包, 米饭二两牛肉三两: foods said one after another with no separator, one run each.

    Said amount first, a run starts at each amount that follows a food and comes before one; said food first, a
    run ends after each amount that a food follows. An amount with no food after it is the same food's
    (一个鸡蛋50克, 鸡蛋两个一共一百二十克)."""
    _, spans = _zh_amounts(chunk)
    if len(spans) < 2:
        return [chunk]

    def has_food(text: str) -> bool:
        words, _ = _zh_clean(_unprotect(_PAREN_REF.sub("", text), saved))
        return bool(words) and bool(_CJK.search(words))

    amount_first = not has_food(chunk[:spans[0][0]])
    cuts = []
    for (_, previous_end, _), (start, end, _), following in zip(spans, spans[1:], [*spans[2:], None]):
        before, after = chunk[previous_end:start], chunk[end:following[0] if following else len(chunk)]
        if amount_first and has_food(before) and has_food(after):
            cuts.append(start)
        elif not amount_first and has_food(before):
            cut = previous_end
            while cut < len(chunk) and _PAREN_REF.match(chunk, cut):
                cut += 1  # 煎蛋一个（约60克）: the parenthesis says more of the food before it
            cuts.append(cut)
    if not cuts:
        return [chunk]
    return [chunk[start:end] for start, end in zip([0, *cuts], [*cuts, len(chunk)])]


def _zh_clauses(text: str) -> list[_Piece]:
    """Split on separators and conjunctions; parentheses stay with the clause before them."""
    text, saved = _protect(text)
    parens: list[str] = []
    out, depth, buf = [], 0, ""
    for ch in text:
        if ch in "(（[【":
            if depth == 0:
                buf = ""
            else:
                buf += ch
            depth += 1
        elif ch in ")）]】" and depth:
            depth -= 1
            if depth == 0:
                parens.append(_unprotect(buf, saved))
                out.append(chr(0xE100 + len(parens) - 1))
            else:
                buf += ch
        elif depth:
            buf += ch
        else:
            out.append(ch)
    if depth and buf:  # an unclosed parenthesis: read it as plain text
        out.append(buf)
    text = "".join(out)
    pieces: list[_Piece] = []
    sep, cursor = "start", 0
    rank = {"start": 3, "strong": 3, "conj": 2, "comma": 1}

    def emit(chunk: str, sep: str, colon_after: bool = False) -> None:
        for number, run in enumerate(_zh_runs(chunk, saved)):
            emit_one(run, sep if number == 0 else "comma", colon_after)

    def emit_one(chunk: str, sep: str, colon_after: bool = False) -> None:
        refs = [parens[ord(ref) - 0xE100] for ref in _PAREN_REF.findall(chunk)]
        body = _PAREN_REF.sub("", chunk)
        if body.strip():
            piece = _zh_piece(body.strip(), saved)
            piece.parens, piece.sep = refs, sep
            piece.header = colon_after and piece.amount.empty
            pieces.append(piece)
        elif refs and pieces:
            pieces[-1].parens.extend(refs)

    pending = None
    for m in _ZH_SPLIT.finditer(text):
        chunk = text[cursor:m.start()]
        kind = m.lastgroup
        if chunk.strip() or _PAREN_REF.search(chunk):
            emit(chunk, pending or sep, ":" in m.group(0) or "：" in m.group(0))
            pending = None
        pending = kind if pending is None or rank[kind] > rank[pending] else pending
        cursor = m.end()
    emit(text[cursor:], pending or sep)
    return pieces


def _related_part(head: SplitItem, piece: _Piece) -> bool:
    """Is the weighed clause the edible part of the head rather than an ingredient? (烤鸡 ← 去骨的鸡肉)."""
    name = piece.name
    if name == head.name or name in _GENERIC_PARTS:
        return piece.state is None or name == head.name
    if len(name) == 1 and name in head.name:
        return True
    if name[-1] in _PART_SUFFIXES and len(name) <= 4 and any(c in head.name for c in name[:-1]):
        return True
    return False


def _ingredient_in_dish(dish: str, part: str) -> str | None:
    """The food a weighed part is of, when the dish is more than that food: 黑鱼汤 ← 鱼肉 is 黑鱼 and 土豆炖兔肉 ← 兔肉
    is 兔肉, whose weight is not the soup's or the stew's; None where the dish is the food itself (烤鸡 ← 鸡肉)."""
    food = ZH_COOKING_PREFIX.sub("", dish).lstrip("".join(_DISH_CHARS))  # 烤鸡, 清蒸鲈鱼: cooked, one food
    stem = part[:-1] if part[-1] in _PART_SUFFIXES and len(part) > 1 else part
    if stem not in food and part not in _GENERIC_PARTS and \
            len([c for c in food if c not in stem and c not in _DISH_CHARS]) >= 2:
        # 酸菜鱼 ← 草鱼肉, 宫保鸡丁 ← 鸡胸肉: a food the name of a dish of more than it does not spell out is that
        # food (烤鸭 ← 鸭胸肉 and 黄焖鸡 ← 鸡腿肉 stay one food, the dish).
        return part
    if food.endswith(_BROTHS):
        food = food[:-1]
    elif not _DISH_CHARS.intersection(food[2:-2]):  # 土豆炖兔肉, 粉丝蒸扇贝: two foods around the way they are cooked
        return None  # (黄焖鸡 and 德州扒鸡 are one: a word of one character on either side is no second food)
    at = food.rfind(stem)
    if at < 0:
        return part
    start = at
    while start > 0 and food[start - 1] not in _DISH_CHARS:
        start -= 1  # the dish's own words for it: 黑鱼汤's fish is 黑鱼
    end = at + len(stem)
    return food[start:end] + (part[-1] if food[end:end + 1] == part[-1] != stem[-1] else "")


def _weigh_as_said(item: SplitItem, amount: _Amount) -> None:
    """The weight or volume said after an item is its own: "…, weighing 10 ounces", "a lemon with peel weighing 6g"."""
    item.grams, item.volume_ml = amount.grams, amount.volume_ml
    item.grams_source = "stated" if amount.grams is not None else None


def _new_item(piece: _Piece) -> SplitItem:
    a = piece.amount
    count = _count(a.quantity, a.unit) if a.each else 1.0
    return SplitItem(
        said=piece.said, name=piece.name, language="zh" if _CJK.search(piece.said) else "en",
        quantity=a.quantity, unit=a.unit, size=a.size, grams=None if a.grams is None else a.grams * count,
        grams_source="stated" if a.grams is not None else None,
        volume_ml=None if a.volume_ml is None else a.volume_ml * count,
        brand=piece.brand, state=piece.state,
    )


def _count(quantity: float | None, unit: str | None) -> float:
    """How many were said (三个, "two slices"), for a weight said of each one; one when no count was said."""
    return quantity if quantity is not None and unit not in _GRAMS and unit not in _ML else 1.0


def _absorb(target: SplitItem, piece: _Piece) -> None:
    """A later clause's amount and state for the same food."""
    a = piece.amount
    count = _count(target.quantity, target.unit) if a.each else 1.0  # 三个小笼包，每个大概40克: 120 g
    if a.grams is not None and target.grams is None:
        target.grams, target.grams_source = a.grams * count, "stated"
    if a.volume_ml is not None and target.volume_ml is None:
        target.volume_ml = a.volume_ml * count
    if target.quantity is None and a.quantity is not None and not a.each:
        target.quantity, target.unit = a.quantity, a.unit
    target.size = target.size or a.size
    target.state = target.state or piece.state
    target.brand = target.brand or piece.brand
    target.said = f"{target.said}，{piece.said}"


def _assemble_zh(pieces: list[_Piece]) -> list[SplitItem]:
    items: list[SplitItem] = []
    head: SplitItem | None = None  # a dish said without a weight, whose weighed parts may follow
    group_start = 0
    for piece in pieces:
        if piece.sep in ("strong", "start"):
            group_start = len(items)
        if piece.sep != "comma":
            head = None
        if piece.all_state:
            for item in items[group_start:]:
                for leaf in item.components or [item]:
                    leaf.state = leaf.state or piece.all_state
            continue
        if piece.drop:
            continue
        item: SplitItem | None = None
        if not piece.name:
            if piece.amount.empty and not piece.state:
                _attach_parens(items[-1] if items else None, piece.parens, items, group_start)
                continue
            if not items:
                continue
            if re.search(r"各|分别|每样|每种", piece.said):
                for other in items[group_start:]:
                    if other.quantity is None and other.grams is None and other.volume_ml is None:
                        _absorb(other, piece)
                continue
            target = items[-1].components[-1] if items[-1].components else items[-1]
            _absorb(target, piece)
            _attach_parens(target, piece.parens, items, group_start)
            if target is items[-1] and (target.grams is not None or target.volume_ml is not None):
                head = None
            continue
        share = _ZH_SHARE_EATEN.get(piece.name) if piece.amount.empty else None
        if share and items:
            # 蒸了一条鲈鱼，吃了一半: half the fish; a weight said after it (鱼肉150克) is still the fish's.
            eaten = items[-1].components[-1] if items[-1].components else items[-1]
            if eaten.grams is None and eaten.volume_ml is None:
                eaten.quantity = (eaten.quantity or 1.0) * share
            eaten.said = f"{eaten.said}，{piece.said}"
            continue
        if piece.name.endswith("馅") and piece.amount.empty and items:
            items[-1].said = f"{items[-1].said}，{piece.said}"  # 饺子，猪肉白菜馅的: what the dumplings are filled with
            continue
        counted = piece.amount.unit in CLASSIFIERS_ZH  # 可乐一罐330毫升: a food of its own, not an ingredient
        if head is not None and piece.amount.measured and not counted:
            related = not head.components and _related_part(head, piece)
            ingredient = _ingredient_in_dish(head.name, piece.name) if related else None
            if related and ingredient is None:
                _absorb(head, piece)
                head = None
                item = items[-1]
            elif related or head.components or _DISH_CHARS.intersection(head.name) or any(
                    c in head.name for c in piece.name):
                item = _new_item(piece)
                item.name = ingredient or item.name  # 黑鱼汤 ← 鱼肉: the dish's own word for the fish
                head.components.append(item)
                head.said = f"{head.said}，{piece.said}"
            else:
                head = None
        if item is None:
            if piece.header and not _DISH_CHARS.intersection(piece.name):
                continue  # 水果：草莓…: a heading, not a food
            item = _new_item(piece)
            items.append(item)
            _attach_parens(item, piece.parens, items, group_start)
            head = item if item.grams is None and item.volume_ml is None and not item.components else None
            continue
        _attach_parens(item, piece.parens, items, group_start)
    return items


def _attach_parens(item: SplitItem | None, parens: list[str], items: list[SplitItem], group_start: int) -> None:
    """Parentheses: an amount or state is the item's own; foods are its components; 都是生重 applies to all."""
    for text in parens:
        sub = _zh_clauses(text) if _CJK.search(text) else _en_pieces_as_zh(text)
        for piece in sub:
            if piece.all_state:
                for other in items[group_start:]:
                    for leaf in other.components or [other]:
                        leaf.state = leaf.state or piece.all_state
        if item is None:
            continue
        sub_items = _assemble_zh([p for p in sub if not p.all_state])
        named = [p for p in sub if p.name and not p.drop and not p.all_state]
        if not named:
            said = item.said
            for p in sub:
                if not p.drop and not p.all_state:
                    _absorb(item, p)
            item.said = said  # the parentheses are added to said once, below
        else:
            item.components.extend(sub_items)
        item.said = f"{item.said}（{text}）"


def _en_pieces_as_zh(text: str) -> list[_Piece]:
    """Parenthesised English inside Chinese text (rare): read as amounts only."""
    amount, _ = _zh_amounts(text)
    return [_Piece(said=text, name="", amount=amount)] if not amount.empty else []


# ---------------------------------------------------------------- English

_EN_NUM = (
    r"(?:\d+\s+\d+/\d+|\d+/\d+|\d+(?:\.\d+)?|\d*[½¼¾⅓⅔⅛]"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|\w+) and a half"
    r"|half a dozen|a dozen|a couple of|a couple|couple of|a pair of|a few|several|dozen"
    # "half of a package", "one third of a pizza": a share of what follows ("a third of a" alone was read).
    r"|(?:(?:one|a)[- ])?(?:half|third|quarter|fourth)\s+of\s+(?:an?|the)\b"
    r"|(?:two[- ]thirds|three[- ](?:quarters|fourths))\s+of\s+(?:an?|the)\b"
    r"|(?:one|a)[- ](?:half|third|quarter|fourth)\b|three[- ]fourths"
    r"|three[- ]quarters|two[- ]thirds"
    # "one-sixth of an 8-inch pie", "an eighth of a cake", "two-fifths of a bar"; not "one-eighth of an inch of fat".
    rf"|(?:{_EN_ORDINAL_SHARES})\b"
    r"(?!(?:\s+of)?\s+(?:an?\s+)?inch)(?:\s+of\s+(?:an?|the)\b)?"
    r"|a quarter|a third|half an?|a half|one half"
    r"|a whole|one whole|a single|one single|single"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|half|quarter|an|a)"
)
_EN_SHARE_OF_A_MEASURE = re.compile(
    r"\b(?:an?\s+(?=(?:one|two|three)-))?(half|quarter|third|one|two|three)-(cups?|tablespoons?|teaspoons?)"
    r"(?:\s+(?:serving|portion)s?)?\b", re.IGNORECASE)
# A share said before a weight or volume: "half of a", "one-sixth of an", "a quarter of the".
_EN_SHARE_OF_WEIGHED = re.compile(
    r"(?:^|\s)(?P<num>(?:(?:(?:one|an?)[- ])?(?:half|third|quarter|fourth)|two[- ]thirds|three[- ](?:quarters|fourths)"
    rf"|{_EN_ORDINAL_SHARES})\s+of\s+(?:an?|the)"
    r"|half\s+an?)$",
    re.IGNORECASE)
_EN_MEASURE = re.compile(
    r"(?:\b(?:that's|that is|which is|weighing|weighs|measuring|at|about|around|approximately|approx\.?|roughly"
    r"|totaling|totalling|of|some|nearly|almost|just over|just under|over|under)\s+)*"
    # A number in words is apart from its unit: "tacos al pastor" is not "a l" (one litre) of tacos.
    rf"(?<![\w.])(?P<num>{_EN_NUM})(?!\s*%)(?:(?<=[a-z])\s*-?\s+|(?<=[a-z])-|(?<![a-z])\s*-?\s*)"
    r"(?:(?:full|whole|level|heaping|heaped|scant|generous)\s+)?"  # "a full ounce of cranberry juice"
    r"(?P<unit>fl\.?\s?oz|fluid ounces?|grams?|grammes?|gr|g|kilograms?|kgs?|milligrams?|mg|ounces?|oz|pounds?|lbs?"
    r"|milliliters?|millilitres?|ml|liters?|litres?|l|cl|dl|pints?|quarts?|gallons?)\b\.?"
    r"(?:\s+(?:serving|portion)s?\b)?(?:\s+of\b)?",
    re.IGNORECASE,
)
_EN_ADJ = r"(?:warm|hot|cold|iced|nice|full|heaping|heaped|level|tall|whole|entire|standard|single|fresh|tiny|typical|decent|good)"
_SIZE_ALT = _alt(SIZES_EN)
# A size word that begins a name: "a big mac" was a large "mac", "a Little Debbie" a small "debbie".
_NOT_A_SIZE = r"(?!\s+(?:macs?|debbie|caesars?)\b)"
_SHAPED_UNITS = r"(?:slices?|heads?|pieces?|wedges?|cups?|glass(?:es)?|cans?|jars?|bottles?|strips?|fillets?|mugs?)"
_EN_COUNT = re.compile(
    rf"^(?P<num>{_EN_NUM})\b(?!\.\d|\s*%|-\d|\s*(?:-|to)\s*[\d/.]+\s*%|[- ]inch|-fat\b)\s*"
    rf"(?:(?<=\d\s)of\s+(?:an?|the)\s+(?=(?:\w+\s+)?(?:{_alt(UNITS_EN)})\b))?"  # "0.16 of a package of …"
    rf"(?:(?P<pre>(?:(?:{_SIZE_ALT}|{_EN_ADJ})[\s-]+)*)(?P<state>(?!sized\b)\w+ed\s+)?"
    # Any one word before a unit of a shape or a vessel and "of": "a triangular slice of quesadilla", "a complete
    # head of romaine". Not before a serving, a bag or a bar: "an individual serving", "a single serving bag" are
    # the names of measures, "a burrito bowl" and "a crispy bar" foods.
    rf"(?:[a-z]+\s+(?={_SHAPED_UNITS}\s+of\b))?(?P<unit>{_alt(UNITS_EN)})\b\s*(?:of\b\s*)?)?"
    rf"(?:(?P<size>{_SIZE_ALT})\b{_NOT_A_SIZE}\s*)?",
    re.IGNORECASE,
)
_EN_TRAILING_COUNT = re.compile(rf"\s+(?P<num>\d+/\d+|\d+(?:\.\d+)?|\d*[½¼¾⅓⅔⅛])\s*(?:(?P<unit>{_alt(UNITS_EN)})\b)?\s*$",
                                re.IGNORECASE)
# A name as typed into a log before its amount ("milk 1 cup"): a few words, none that goes on to a number of
# something else ("enough for 12", "ribs 10 to 12", "a marbling score of 4", "which includes 100").
_EN_LOGGED_NAME = re.compile(
    r"(?!.*\b(?:which|that|includes?|including|featuring|enough|score|serving|servings|for|of|to|out|and|or|than|about|"
    r"by|in|on|at|from|with|per|number|size|ribs?|grade|level|stage|step|day|week|roughly|approximately|about|around|"
    r"nearly|almost|over|under|total|totals|totaling|totalling|contains?|containing|serves?|makes?|yields?|weighing|"
    r"measuring|is|are|was|were|be|being)\b)[a-z][a-z' -]{0,40}",
    re.IGNORECASE)
_EN_UNIT_WORD = re.compile(rf"\b(?:{_alt(UNITS_EN)})\b", re.IGNORECASE)
_EN_BARE_UNIT = re.compile(rf"^(?:(?P<size>{_SIZE_ALT})\s+)?(?P<unit>{_alt(UNITS_EN)})\s+of\b\s*", re.IGNORECASE)
# Not a word joined to one: "medium-fat minced beef" was "-fat minced beef".
_EN_SIZE = re.compile(rf"^(?P<size>{_SIZE_ALT})\b(?!-[a-z]){_NOT_A_SIZE}\s*", re.IGNORECASE)
# Words said of a meal, not of a food: "a quick snack of …", "a simple breakfast with …".
_OCCASION_WORDS = (r"(?:quick|simple|light|small|big|late|early|hearty|healthy|little|nice|good|balanced|full|filling|"
                   r"lovely|proper|wholesome|satisfying|tasty|delicious|afternoon|morning|evening|midday|midnight|"
                   r"mid-morning)")
_MEALS = r"(?:breakfast|brunch|lunch|dinner|supper|snack|snacks|meal|dessert|treat|appetizer|side|morning meal|evening meal|midday meal)"
_EN_HEADING = rf"^(?:for\s+)?(?:(?:today'?s|my)\s+)?{_MEALS}\s*(?::|-|–|—)\s*"
_EN_LEAD = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # What it was served as: "a cup of cooked collard greens served as a side dish" was unmatched. Before the
        # meal words below, which would leave "served dish".
        r"\s+served\s+as\s+(?:a|an|the|my)?\s*(?:\w+\s+)?(?:side|snack|dessert|main|appetizer|starter|portion|"
        r"serving|treat)\b.*$",
        # "… as part of my dinner" (was unmatched: "leavened corn bread as part of my dinner").
        rf"\b(?:for|at|as|during|with|after|before)\s+(?:part\s+of\s+)?(?:my|a|an|the|our|his|her|this)?\s*(?:\w+\s+)?{_MEALS}(?:\s+(?:choice|today|tonight|time))?\b",
        rf"^(?:today'?s?\s+|tonight'?s?\s+|tonight’s\s+|today’s\s+|this morning,?\s+)?(?:my\s+|the\s+|our\s+)?{_MEALS}\s+"
        r"(?:(?:today|tonight|this morning|this evening)\s+)?(?:is|was|includes|included|consists of|consisted of|features|featured|has|had)\b",
        rf"\b(?:my|the|this|our|today's)\s+{_MEALS}\s+(?:today\s+)?(?:is|was|includes|included|consists of|consisted of|features|has|had)\b",
        rf"\b(?:a|an|my)\s+(?:{_OCCASION_WORDS}\s+)*{_MEALS}\s+(?:of|that\s+(?:includes|included|consists of|consisted of|has|had)|including|with"
        r"|consisting of|comprising|made up of)\b",
        r"^(?:a|an|my|the)\s+side(?:\s+dish)?\s+(?:of|featuring|with|consisting of|including)\s+",
        r"^(?:a|an|my|the|this)\s+(?:\w+\s+)?(?:dish|recipe)\s+(?:(?:is|am)\s+)?(?:being\s+)?(?:made|prepared|cooked)"
        r"(?:\s+(?:with|using|from))?\b",
        r"\b(?:i|we)\s+(?:am|was|'m|’m|have|had|'ve|’ve)?\s*(?:starting|started|start|beginning|began|ending|ended)\s+(?:my|our|the)\s+(?:day|morning|evening)\s+(?:with|by having|by eating)?",
        r"^in\s+(?:my|the|this|our)\s+(?:recipe|meal|dish|bowl|plate|lunchbox|lunch box)\b",
        r"\b(?:(?:i|we)(?:'m|’m|\s+am|\s+was|\s+are)?\s+)?(?:feeding|fed|giving|gave|providing|provided|serving|served)\s+(?:my|the|our)\s+(?:baby|child|kid|son|daughter|toddler|infant)\b(?:\s+with)?",
        r"\b(?:(?:and|then|also|so)\s+)*(?:i|we|i'm|i've|i'll|i'd|we're|we've)\s+(?:(?:also|just|then|really|have|had|am|was|will|be|been|got|'ve|'m|decided to|went for|went with|opted for|chose to|am going to|going to|plan to|want to|intend to)\s+)*"
        r"(?:\w+(?:ed|ing)|ate|eat|eats|had|have|has|got|get|drank|drink|drinks|made|make|took|take|tried|try|bought|buy|chose|"
        r"picked|ordered|finished|possess|enjoy|snack|munch|sip|devour|grab|grabbed|fed|feed|brought|ran|went|put|threw|"
        r"consume|prepare|use|cook|bake|serve|sprinkle|finish|add|pour|drizzle|top|season|include|pair|mix|"
        r"cooked|baked|sliced|cut|poured|spread|mixed|added|prepared|included|paired|topped|seasoned|drizzled|sprinkled|"
        r"melted|used|found|kept|left|saved|split|shared|bit|ordered|picked up|wash|washed|"
        r"got)(?:\s+(?:on|in|up|down|myself to|it|them|it off|out|into|this|myself))*\b(?:\s+(?:with|of|as))?(?=\s|$)",
        r"^(?:just\s+|now\s+|currently\s+|also\s+)*(?:enjoying|enjoyed|consuming|consumed|having|had|eating|ate|drinking|drank|sipping on|sipping|savoring|savouring|munching on|snacking on|snacked on|nibbling on|grabbed|grabbing|devouring|indulging(?:\s+in)?|relishing|tasting|trying|treating myself to|got|incorporating|incorporated|utilizing|utilising|utilized|using|adding|providing|offering|possessing|requiring|ordering|ordered|preparing|prepared|making|made|cooking(?!\s+(?:wine|spray|sherry|sake|oil|fat|apples?|onions?))|there's|there is|here's|here is|this is|it's|it is)\b",
        r"\b(?:is|are|was|were)\s+(?:being\s+|also\s+)?(?:given|fed|offered|provided|used|added|incorporated|enjoyed|savou?red|served|consumed|eaten|prepared|had|drunk|included|part of|my|included|what|on the menu|for|ready|prepared for)\b.*$",
        r"(?<!\ba\s)(?<!\bthe\s)\b(?:makes up|make up|completes|complete|rounds out|round out)\b.*$",
        # "All in all, it was a delightful mix", "It's my snack right now": said of the meal, not a food.
        r"^all in all\b.*$",
        r"\s*\bright now\b",
        # "Heating a can of …", "Microwaving 2 cups of soup": what was done, before the amount.
        r"^(?:heating|reheating|microwaving|warming|toasting|grilling|boiling|steaming|roasting|mixing|blending|"
        r"brewing|pouring|slicing|chopping|opening|unwrapping|finishing|sharing|packing|defrosting|thawing|handling|"
        r"serving|feeding|spreading|spread|applying|applied|included|including|placing|putting|drizzling|sprinkling|"
        r"stirring|spooning|squeezing)\s+"
        r"(?=(?:a|an|the|some|my|our|one|two|three|four|five|six|half|several|few)\b|\d)",  # "5g" too
        # "I am getting ready to cook half of a raw pheasant breast": what is to be done with it.
        r"^(?:(?:i\s+am|i'm|i’m|we\s+are|am)\s+)?(?:getting\s+)?ready\s+to\s+"
        r"(?:cook|use|prepare|eat|serve|grill|roast|bake|fry|heat)\s+",
        # "… sautéed in butter is on my dinner plate": where it is, not what it is.
        r"\s+(?:is|are|was|were|sits|sit)\s+(?:on|in)\s+(?:my|the|our)\s+(?:\w+\s+)?(?:plate|menu|bowl|table|tray)\b.*$",
        r"^(?:to drink|on the side|to top it off|additionally|in addition|oh|also|along with that|besides|as a side|for drinks?|"
        r"lastly|finally|last|to finish|to finish off|to end|to wrap up|next|afterwards|afterward|later)\b[,\s]*",
        r"\s+(?:on|to|in|into|for|over)\s+(?:my|it|them|that|this|a little|the side|top)\b.*$",
        # How hot it was cooked: "plantains cooked on high heat" was unmatched.
        r"\s+(?:on|over|at)\s+(?:a\s+)?(?:high|medium|medium-high|medium-low|low|gentle|moderate|direct)\s+(?:heat|flame|fire)\b.*$",
        # What it is for: "raw cabbage for stir frying" was unmatched.
        r"\s+for\s+(?:stir[- ]?frying|cooking|baking|boiling|making\s+\w+)\s*$",  # not "for roasting": a chicken kind
        # How it went in: "7.7g of vegetable oil mixed in" was classic mixed vegetables cooked with oil.
        r"\s+(?:mixed|stirred|added|folded|whisked|blended|drizzled|sprinkled|poured)\s+in\s*$",
        r"\b(?:a mix of|a side of|a serving size of|a portion size of|an amount of|a total of|a mixture of)\s+",
        r"^(?:and|also|plus|then|with|along with|alongside|as well as|together with|i|we|too)\b\s*",
        r"\b(?:for me|today|tonight|this morning|this evening|this afternoon|as well|too|also|please|of it)\s*$",
        # What it was for, and what was done with it after: "sugar to sweeten it up", "cola to wash it down",
        # "olive oil and washed it down", "corn bread and paired it with …".
        r"\s+to\s+(?:wash|sweeten|finish|top|round|go|bring|add|give|make|balance|complete|spice|season|flavou?r|"
        r"enhance|boost|help|tie|pull|cap|end|start|kick|keep|stay|quench)\b.*$",
        r"\s+and\s+(?:washed|finished|paired|topped|rounded|wrapped|polished|served|enjoyed|completed|followed)\s+"
        r"(?:it|them|everything|this|that|things|off|up)\b.*$",
        r"^there\s+(?:is|are|was|were|'s|’s)\s+(?:also\s+)?",
        r"^(?:just|only|exactly)\s+(?=\d)",  # "a tiny bit of sugar, just 5g": the sugar's 5 g
        r"\s+and\s+(?:snacked|sipped|munched|nibbled|finished)\s*$",
        # "… while watching the movie", "… while at the movies": what else was going on.
        # Not "while eating 180g of couscous", another food.
        r"\s+while\s+(?!(?:eating|drinking|having|enjoying|sipping|munching|snacking|consuming|nibbling)\b)"
        r"(?:\w+ing|at|in|on|out)\b.*$",
        r"\s+(?:that|which)\s+(?:weighed|weighs|weighing|was|were|is|are)\s*$",
        rf"^(?:\w+\s+)?{_MEALS}(?:\s+(?:spread|plate|platter))?\s+(?:that|which)\s+(?:includes|included|has|had|"
        r"consists of|consisted of|contains|contained)\s+",
        # A log's heading: "Dinner: a pork chop, …", "Breakfast - 2 eggs" (was a food "dinner: a pork chop").
        _EN_HEADING,
    )
]
_EN_DESCRIBES = re.compile(
    r"^(?:\d+(?:\.\d+)?\s*(?:(?:-|to)\s*\d+(?:\.\d+)?\s*)?%|[\d/.\s-]+(?:inch|inches|in\.|cm|mm)\b|(?:approximately|about|around|roughly|nearly|almost)\s+\d"
    # A way of doing ("cooking") or an adverb ("lightly salted"), but not a food that ends like one: "bread with jelly
    # and margarine" lost its jelly, "turkey with stuffing" its stuffing.
    r"|(?!(?:stuffing|icing|frosting|pudding|dumpling|herring|whiting|topping)s?\b)\w+ing\b"
    r"|(?!(?:jelly|belly|lolly|bully)\b)\w+ly\b|(?:\w+ed|cut|eaten|made|done|grown|sold|kept|left|taken|given)\s+(?:from|to|with|in|by|into|for|at|on|as|raw|off|out|up|without)\b"
    r"|containing|contains|made|prepared|cooked|that|which|who|where|served|including|includes|included|excluding"
    r"|except|specifically|trimmed|having|resulting|measuring|weighing|without|not|no|in|from|using|topped|infused|mixed"
    r"|seasoned|drained|fortified|enriched|suitable|is|are|was|were|has|been|being|flavored|flavoured|sweetened"
    r"|unsweetened|added|both|only|either|neither|the|its|their|skin|bones?|fat|salt|sugar|sauce|gravy|oil|butter"
    r"|dressing|syrup|cream|milk|lean|regular|reduced|low|non|fat-free|nonfat|bone|boneless|skinless|raw|plain"
    r"|unsalted|salted|lightly|heavily|slightly|extra|all|any|other|etc|or|and|as|to|for|by|on|at|of|but|also|such"
    r"|like|via|then|some)\b",
    re.IGNORECASE,
)
# A food said cooked: "with cooked black beans" (not "with cooked in oil", which says how).
_EN_COOKED_FOOD = re.compile(r"(?:cooked|prepared|boiled|stewed|drained)\s+"
                             r"(?!(?:with|in|on|from|by|using|to|for|at|as|and|or|until|through|over|under)\b)\w+.*",
                             re.IGNORECASE)
# "black and other beans": the kind said, then the food's other kinds (the beans were dropped, and "black" was black
# beans NFS).
_EN_OTHER_KINDS = re.compile(r"other\s+(?:types?\s+of\s+|kinds?\s+of\s+)?"
                             r"(?!(?:things?|stuff|items?|foods?|ingredients?|bits?|snacks?|spices?)\b)\w+",
                             re.IGNORECASE)
# What a food is made from: "a soy sauce crafted from soybeans and wheat" lists its ingredients, no second food.
_EN_MADE_FROM = re.compile(r"\b(?:made|crafted|produced|derived|created)\s+(?:from|out of)\b", re.IGNORECASE)
_EN_PARTICIPLE = re.compile(r"\b\w+ed\s*$|\b(?:made|done|frozen|mixed|filled|topped|stuffed|covered|coated|served|cooked)\s*$", re.IGNORECASE)
_EN_SPLIT = re.compile(
    r"(?P<strong>\s*;\s*|(?<![\d.])\.(?:\s+|$)|\s*!\s*|\n+)"
    r"|(?P<conj>\s*,?\s+(?:along with|together with|as well as|paired with|accompanied by|alongside|plus|and then|and also|and|with|&|\+)\s+|\s+(?:on|over|in|on top of)\s+(?=\d)|\s+(?:on|over|on top of)\s+(?=[^,;.\x05]{1,40}\x05)"
    # "50g of coffee while eating 180g of couscous": a second food (the couscous was the coffee's name).
    r"|\s+while\s+(?=(?:eating|drinking|having|enjoying|sipping|munching|snacking|consuming|nibbling)\b))"
    r"|(?P<comma>\s*,\s*)",
    re.IGNORECASE,
)
_DISH_PROTECT = re.compile(r"\b(?:" + _alt(DISHES_EN) + r")\b", re.IGNORECASE)
_BRAND_EN = re.compile(rf"^(?P<b>{_alt(BRANDS_EN)})(?![\w'])(?:'s)?\s*", re.IGNORECASE)
_BRAND_EN_FROM = re.compile(rf"\s*\b(?:from|by|made by)\s+(?P<b>{_alt(BRANDS_EN)})(?![\w'])", re.IGNORECASE)
_BRAND_CANON = {b.lower(): b for b in BRANDS_EN}
_BRAND_VERSIONS = frozenset({"zero", "zero sugar", "diet", "light", "lite", "max", "classic", "original", "cherry",
                             "vanilla", "plus"})
_EN_STATE_RAW = re.compile(r"\b(?:dry|dried weight|uncooked|raw weight|raw)\b", re.IGNORECASE)
_EN_STATE_COOKED = re.compile(r"\bcooked weight\b", re.IGNORECASE)
# Not a last "plus": it is a product's ("a cup of Ensure Plus" was "ensure"); the splitter has split on every other.
_EN_TRIM = re.compile(r"^(?:of|the|some|a|an|my|our|and|with|plus|also|those|these|that|this)\s+|\s+(?:and|with|of|the|that|which|at)$",
                      re.IGNORECASE)
_EN_DRINK = re.compile(
    r"\b(?:cola|coke|pepsi|soda|pop|soft drink|juice|milk|water|beer|coffee|tea|latte|cappuccino|espresso|drink|"
    r"lemonade|smoothie|shake|wine|formula|kombucha|seltzer|sprite|gatorade|beverage)s?\b", re.IGNORECASE)
_EN_VAGUE = re.compile(r"^(?:a\s+)?(?:(?:little|tiny|small|wee)\s+)?(?P<word>bit|touch|hint|drizzle|sprinkle|sprinkling|splash|dash|pinch|dab|smidge|little)\s+(?:of\s+)?|^some\s+", re.IGNORECASE)
# The vague words that are measures all the same: the unit portions.py weighs them by.
_EN_SMALL_MEASURE = {"pinch": "pinch", "dash": "dash", "splash": "splash", "drizzle": "drizzle", "sprinkle": "sprinkle",
                     "sprinkling": "sprinkle", "dab": "dab"}
# A spread of food, not a food spread: "a lunch spread", but "cheese spread" is a food (its name was "lower in fat").
_MEAL_SPREAD = (r"(?:(?:breakfast|brunch|lunch|dinner|supper|snack|meal|party|picnic|buffet|big|nice|little|whole|full|"
                r"lovely|huge|delicious|tasty)\s+)?spread")
_EN_MEAL_WORD = re.compile(rf"(?:\w+\s+)?(?:breakfast|brunch|lunch|dinner|supper|snack|meal|plate|dish|combo|platter|day)"
                           rf"|{_MEAL_SPREAD}", re.IGNORECASE)
# The meal words, and a drink or a mix said as no food of its own. A drink or a mix said by what it is is a food:
# "I had trail mix", "protein drink" and "Kool-Aid drink" were dropped.
_EN_GENERIC = re.compile(rf"{_EN_MEAL_WORD.pattern}|(?:(?:a|the|my|some|another|{_OCCASION_WORDS})\s+)?(?:drink|mix|mixture)",
                         re.IGNORECASE)

# "a quick snack with …", "a simple breakfast with …", "a dinner plate with …": the occasion said with a word about
# it, not a food ("quick snack" was 240 g of grits, "dinner plate" a veal breast, "simple breakfast" simple syrup).
_EN_OCCASION = re.compile(
    rf"(?:{_OCCASION_WORDS}\s+)*(?:breakfast|brunch|lunch|dinner|supper|snack|meal)(?:\s+(?:plate|spread|platter|combo|tray))?",
    re.IGNORECASE)
# What was done with a food, left between two foods: "… corn bread and paired it with …", "… and washed it down".
_EN_DONE_WITH_IT = re.compile(
    r"(?:\w+ed|paired|finished|washed|topped|rounded|took|ate|drank)\s+(?:it|them|everything|this|that|things)"
    r"(?:\s+(?:off|up|down|out|all))*", re.IGNORECASE)
# Pronouns and the words of a sentence left between two foods: "To go with that, …" left "to go" (120 g of an
# ON-THE GO bar), "…, washed down with 60g of water" "washed down", "Snacking on 112g of apple" "snacking".
# "Just snacking on 40 grams of cucumbers" and "Right now, I'm snacking on 113g of …" left "just snacking" (a
# SENSIBLE SNACKING bar) and "right now" (SPELT RIGHT bagels) as foods.
_EN_BETWEEN_FOODS = re.compile(r"(?:(?:just|now|currently|also|i'm|i’m|i am|we're|we are)\s+)*(?:along|to go|washed (?:it |them )?down|"
                               r"snacking|munching|sipping|sipped|snacked|munched|nibbled|nibbling)|off|up|down|out|"
                               r"right now|just now|for now|at the moment|"
                               # "It's seasoned with 0.8 grams of iodized salt" was 100 g of "seasoned" shredded soup
                               # meat: how the food before was finished, before what it was finished with.
                               r"(?:(?:it|they|all|everything|this|that)(?:'s|’s| is| are|'re|’re| was| were)?\s+)?"
                               r"(?:(?:then|also|all)\s+)?(?:seasoned|garnished|dressed|spiced)",
                               re.IGNORECASE)
_EN_NOT_FOOD = re.compile(
    rf"that|this|these|those|it|them|finally|then|also|everything|all|{_EN_BETWEEN_FOODS.pattern}", re.IGNORECASE)


# A clause after a comma that comments on the food instead of naming it: "ideal for drizzling on pancakes".
_EN_ASIDE = re.compile(
    r"(?:ideal|perfect|great|good|nice|best|available|sometimes|often|usually|commonly|typically|also|known|referred|"
    r"called|labeled|labelled|regardless|equivalent|similar|suitable|enough|just|all|each|which|that|what|this|it|"
    r"they|these|those|as|so|because|since|while|when|where|if|though|although|but|yet|even|especially|then|now|"
    r"here|there|making|giving|providing|offering|perfectly|freshly|served|enjoyed|eaten|consumed|bought|purchased|"
    r"sourced|obtained|taken|weighing|measuring|totaling|totalling|about|around|approximately|roughly|nearly|almost|"
    r"equal|equals|amounting|adding|added|plus|along|together|alongside|in|on|at|for|from|to|by|into|onto|over|under|"
    r"after|before|during|without|not|no|i|we|my|our|you|your|one|a|an|the)\b",
    re.IGNORECASE)

_EN_ASIDE_END = re.compile(r"\b(?:included|removed|excluded|discarded|intact|attached|aside|separately)$", re.IGNORECASE)

_EN_AMOUNT_OF = re.compile(
    r"(?:(?:the|an?)\s+)?(?:(?:equal|same|additional|extra|fair|moderate|tiny|good|wide|whole)\s+)?"
    r"(?:amount|variety|assortment|selection|medley|combination|blend|mixture|mix|quantity|range)\s+of\s+", re.IGNORECASE)

# Describing words that USDA descriptions use too: kept in the name ("with skin", "with gravy", "low fat").
_EN_DESCRIBES_FOOD = re.compile(
    r"(?:skin|bones?|fat|salt|sugar|sauce|gravy|oil|butter|dressing|syrup|cream|milk|lean|reduced|low|non|fat-free|"
    r"nonfat|bone|boneless|skinless|raw|plain|unsalted|salted)\b", re.IGNORECASE)

_EN_ADJ_ONLY = re.compile(
    r"(?:(?:\w+ed|raw|fresh|frozen|canned|plain|whole|lean|warm|hot|cold|crisp|crispy|soft|hard|ready-to-eat|"
    r"ready-to-serve|bite-sized|trim|dry|dried|sweet|light|thick|thin|unsalted|salted|homemade|instant|boneless|"
    r"skinless|and|or)[\s,]*)+",
    re.IGNORECASE)
_EN_MEASURE_WORDS = re.compile(
    r"(?:(?:a|an|the|with|in|total|net|overall|its|of|serving|portion|size|volume|weight|amount|content|capacity|"
    r"approximately|about|around|roughly|ready to eat|ready to serve|ready to drink)\s*)+", re.IGNORECASE)

_EN_SIZE_SAID = re.compile(
    r"(?:(?:about|approximately|around|roughly|nearly)\s+)?(?:[\d/.\s-]+(?:inch|inches|in\.|cm|mm)\b"
    r"|\d+(?:\.\d+)?\s*(?:(?:-|to)\s*\d+(?:\.\d+)?\s*)?%|(?:an?\s+)?(?:quarter|half|third|eighth|\w+)[- ]inch\b)",
    re.IGNORECASE)
# "one-eighth of a 9-inch pie" after the food: how much of the whole, said for the food before it.
_EN_SHARE_OF = re.compile(
    r"(?:(?:about|approximately|around|roughly|specifically|exactly|precisely|representing|(?:which|that) is)\s+)?"
    rf"(?:one|a|an)[- ](?:{'|'.join(SHARE_DENOMINATORS)})\s+of\s+", re.IGNORECASE)

# A capitalised word inside what was said: a product's name ("Ensure Plus", "Propel Zero").
_EN_PRODUCT_NAME = re.compile(r"(?<=\s)[A-Z][A-Za-z]+")
_EN_EACH = re.compile(r"\b(?:each|apiece)\b", re.IGNORECASE)
_EN_TYPE_OF = re.compile(r"^(?:\w+\s+)?(?:type|kind|sort|variety|form|style|version)\s+of\s+", re.IGNORECASE)


def _en_read(raw: str) -> _Piece:
    """Read one English segment: weight/volume anywhere, a count and unit at the start, the rest is the food."""
    text = raw.strip()
    for pattern in _EN_LEAD:
        text = pattern.sub(" ", text).strip(" ,.;:")
    text = re.sub(r"\s+", " ", text)
    said = text
    # "a half-cup portion of soup", "a quarter-cup serving of gravy": half a cup of it (was a food "-cup portion of").
    text = _EN_SHARE_OF_A_MEASURE.sub(r"\1 \2", text)
    vague_match = _EN_VAGUE.match(text)
    vague = bool(vague_match)
    # "a pinch of salt", "a splash of milk": small measures of their own (portions.py), not the food's serving.
    small_measure = _EN_SMALL_MEASURE.get((vague_match.group("word") or "").lower()) if vague_match else None
    text = _EN_VAGUE.sub("", text)
    amount = _Amount()
    measured_oz = None
    amount_after = False
    m = _EN_MEASURE.search(text)
    if m and re.search(r"\b(?:from|out of)(?:\s+(?:a|an|one))?\s*$", text[: m.start()], re.IGNORECASE) and m.group("unit").lower().startswith(
            ("lb", "pound", "oz", "ounce")):
        # "a chicken breast from a pound of ready-to-cook chicken": the weight of what it came from, not of this food.
        source = re.sub(r"(?:^|\s+)(?:a|an|one)\s*$", "", text[: m.start()].strip())
        text = f"{source} {text[m.end():].strip()}".strip()
        m = None
    if m:
        unit = LATIN_UNITS[re.sub(r"\s+", " ", m.group("unit").lower().replace("fl. oz", "fl oz").replace("fl.oz", "fl oz"))
                           .replace("floz", "fl oz")]
        _set_measure(amount, _en_number(m.group("num")), unit)
        measured_oz = _en_number(m.group("num")) if unit == "oz" else None
        before, after = text[: m.start()].strip(), text[m.end():].strip()
        share = _EN_SHARE_OF_WEIGHED.search(before)
        if share:
            # "a quarter of a 12 oz bag of chips", "one-sixth of a 16-ounce cake": the weight is of the whole,
            # and the share of it was eaten (it was the whole bag, 340 g).
            part = _en_number(share.group("num"))
            amount.grams = None if amount.grams is None else round(amount.grams * part, 3)
            amount.volume_ml = None if amount.volume_ml is None else round(amount.volume_ml * part, 3)
            measured_oz = None if measured_oz is None else measured_oz * part
            amount.quantity, amount.unit = part, None
            before = before[: share.start()].strip()
        # "cooked up 70g of dried pasta": the food follows "of"; "a 57g chicken sausage": both sides matter.
        if m.group(0).rstrip().lower().endswith(" of") and _EN_UNIT_WORD.search(before) is None and re.fullmatch(
                r"(?:a|an|one)|(?:\w+ed|\w+ing)(?: \w+)?", before, re.IGNORECASE):
            before = ""
        text = f"{before} {after}".strip()
        amount_after = bool(before) and not after and not m.group(0).rstrip().lower().endswith(" of")
    if amount.measured and _EN_EACH.search(text):
        amount.each = True  # "two bananas weighing 120g each", "…, each about 40g": the weight of one
        text = re.sub(r"\s+", " ", _EN_EACH.sub(" ", text)).strip()
    count = _EN_COUNT.match(text)
    if count and (count.group("unit") or "").lower() in ("pot", "square", "squares") and not re.search(
            r"\bof\s*$", count.group(0)) and text[count.end():].strip():
        # "a pot pie", "a square pizza": the word names the food, not a unit.
        text = text[: count.start("unit")] + "\x00" + text[count.start("unit") + 1:]
        count = _EN_COUNT.match(text)
        text = text.replace("\x00", "p" if "\x00ot" in text else "s" if "\x00quare" in text else "\x00")
    if count and (count.group("unit") or count.group("size") or text[count.end():].strip()):
        if count.group("num").lower() not in ("a", "an") or count.group("unit") or count.group("size") or not amount.measured:
            n = _en_number(count.group("num"))
            if count.group("unit"):
                unit = UNITS_EN[count.group("unit").lower()]
                if amount.unit in _GRAMS or amount.unit in _ML or amount.quantity is None:
                    amount.quantity, amount.unit = n, unit
            elif amount.quantity is None or (amount.each and (amount.unit in _GRAMS or amount.unit in _ML)):
                amount.quantity, amount.unit = n, None  # "two bananas weighing 120g each": two, of 120 g
            for word in re.split(r"[\s-]+", (count.group("pre") or "").lower()) + [(count.group("size") or "").lower()]:
                if word in SIZES_EN:
                    amount.size = SIZES_EN[word]
        # "a third of an unprepared package of frozen Brussels sprouts": how the food is, kept with its name.
        text = (count.group("state") or "") + text[count.end():]
        inner = _EN_COUNT.match(text) if amount.unit in ("serving", "portion") and amount.quantity == 1 else None
        if inner and inner.group("unit") and UNITS_EN[inner.group("unit").lower()] in ("cup", "tbsp", "tsp"):
            # "a serving of half a cup of stuffing": the kitchen measure inside is the amount. Not a count ("a
            # serving of 15 pieces" is SR's "1 serving (15 pieces)").
            amount.quantity = _en_number(inner.group("num"))
            amount.unit = UNITS_EN[inner.group("unit").lower()]
            text = (inner.group("state") or "") + text[inner.end():]
    else:
        bare = _EN_BARE_UNIT.match(text)
        if bare:
            amount.quantity = amount.quantity or 1.0
            amount.unit = UNITS_EN[bare.group("unit").lower()] if amount.unit in (None, *_GRAMS, *_ML) else amount.unit
            amount.size = SIZES_EN.get((bare.group("size") or "").lower()) or amount.size
            text = text[bare.end():]
        else:
            size = _EN_SIZE.match(text)
            if size:
                amount.size = SIZES_EN[size.group("size").lower()]
                text = text[size.end():]
    trailing = _EN_TRAILING_COUNT.search(text) if amount.quantity is None and not amount.measured else None
    if trailing and _EN_LOGGED_NAME.fullmatch(text[:trailing.start()].strip()):
        # "milk 1 cup", "banana 2", as typed into a log: the amount after the food.
        amount.quantity = _en_number(trailing.group("num"))
        amount.unit = UNITS_EN[trailing.group("unit").lower()] if trailing.group("unit") else None
        text = text[:trailing.start()]
        amount_after = True
    filler = _EN_AMOUNT_OF.match(text)
    if filler:  # "a small amount of fat", "a variety of vegetables": no amount of its own
        text = text[filler.end():]
        vague = False
        if amount.unit is None and not amount.measured:
            amount.quantity = amount.size = None
    if small_measure and amount.quantity is None and amount.unit is None and not amount.measured:
        amount.quantity, amount.unit = 1.0, small_measure
    state = "raw" if _EN_STATE_RAW.search(raw) and re.search(r"\b(?:dry|uncooked|weight)\b", raw, re.IGNORECASE) else None
    state = state or ("cooked" if _EN_STATE_COOKED.search(raw) else None)
    brand = None
    bm = _BRAND_EN.match(text)
    if bm:
        brand = _BRAND_CANON.get(bm.group("b").lower(), bm.group("b"))
        rest = text[bm.end():].strip()
        # "coke zero" is the zero-sugar coke, not a food called "zero": a version word keeps the brand in the name.
        text = rest if rest and rest.lower() not in _BRAND_VERSIONS else text
    else:
        fm = _BRAND_EN_FROM.search(text)
        if fm:
            brand = _BRAND_CANON.get(fm.group("b").lower(), fm.group("b"))
            text = (text[: fm.start()] + text[fm.end():]).strip()
    name = text.strip(" ,.;:!?\"'()").lower()
    name = re.sub(r"\s*\b(?:that|which)(?:\s+(?:is|are|was|were|has been|have been|had been)|'s been|'s)\s+", ", ", name)
    name = re.sub(r"\b(?:measuring|approximately|about|around|roughly|nearly)\s+(?:(?:approximately|about|around|roughly)\s+)?"
                  r"[\d./]+\s*(?:(?:-|to)\s*[\d./]+\s*)?(?:inches\b|inch\b|in\.|cm\b|mm\b|\")"
                  r"(?:\s+(?:across|long|wide|thick|high|tall|in diameter))?", "", name)
    name = re.sub(r"\b(?:sourced|bought|purchased|obtained|ordered|picked up|taken|derived|originating)\s+from\b", "from", name)
    if measured_oz is not None and amount.volume_ml is None and _EN_DRINK.search(name):
        # "a 12 oz can of cola": ounces of a drink are fluid ounces.
        amount.volume_ml, amount.grams = round(measured_oz * _ML["fl oz"], 3), None
        if amount.unit == "oz":
            amount.unit = "fl oz"
    name = re.sub(r"\bentire\s+", "", name)
    if not name and count and count.group("unit") and amount.unit not in (*_GRAMS, *_ML) and amount.measured:
        name = count.group("unit").lower()  # "a 120-gram patty": the unit is all the food said
    previous = None
    while previous != name:
        previous = name
        name = _EN_TRIM.sub("", name).strip(" ,.;:")
    return _Piece(said=said.rstrip(".;,!") or raw.strip(), name=name, amount=amount, state=state, brand=brand, vague=vague,
                  amount_after=amount_after)


_EN_NUMBER_OF = re.compile(r"\s*\d+\.\d+\s+of\b", re.IGNORECASE)
_EN_POINT_BEFORE_UNIT = re.compile(r"(\d)\.(?=\s*(?:g|grams?|kg|ml|oz|lbs?)\b)", re.IGNORECASE)
# A weight said after a name with a clause of its own: of everything said since the food it was said with.
_EN_WEIGHT_OF_ALL = re.compile(
    r"\w\s+(?:(?:that|which)\s+(?:weighs|weighed|was|is)|weighing)\s+(?:about\s+|around\s+)?\d", re.IGNORECASE)
# Not filling, icing or breading: "a cookie with filling" said so is "Cookie, NFS" (the matcher's head would be
# the filling), "chicken with breading" a chain's fried chicken.
_PART_OF_A_FOOD = re.compile(r"\b(?:crusts?|layers?|texture|diameter)$", re.IGNORECASE)
# The food's own peel or skin: "a fresh lemon with peel weighing 6g" is 6 g of lemon (was a lemon and 6 g of peel).
_ITS_PEEL = re.compile(r"(?:(?:the|its|their)\s+)?(?:peels?|skins?|rinds?)", re.IGNORECASE)
_EN_WITH = frozenset(("with", "paired with", "accompanied by", "along with", "together with", "alongside"))
_EN_CONTAINER_OF = re.compile(
    rf"\b({_alt(UNITS_EN)})\s+(?:filled with|full of|loaded with|packed with|containing|that contains|holding)\s+",
    re.IGNORECASE)


# A bracket that only repeats the amount before it: "0.2g (0.2g) of salt", "1 cup (240 ml) of milk" keeps the ml.
_EN_BRACKET_REPEATS = re.compile(r"(\d\s*(?:g|grams?|kg|ml)\b\.?)\s*\(\s*[\d.]+\s*(?:g|grams?|kg|ml)\s*\)", re.IGNORECASE)
_EN_BRACKET = re.compile(r"\(([^()]*)\)?")
_EN_BRACKET_AMOUNT = re.compile(rf"\s*(?:about\s+|approx\.?\s+|~\s*)?\d[\d./]*\s*(?:{_alt(UNITS_EN)}|g|grams?|kg|ml|oz|lbs?)?\.?\s*",
                                re.IGNORECASE)


_EN_WITHOUT_SHORT = re.compile(r"\bw/o\b\s*", re.IGNORECASE)
_EN_WITH_SHORT = re.compile(r"\bw/\s*", re.IGNORECASE)
_EN_TIMES = re.compile(r"\s+[x×]\s?(?P<n>\d+)\b(?!\s*(?:g|grams?|ml|oz|cm|in|inch|inches)\b)", re.IGNORECASE)
_EN_TIMES_BEFORE = re.compile(r"(?<![\w.])(?P<n>\d+)\s?[x×]\s+(?=[a-z])", re.IGNORECASE)


_EN_RANGE = re.compile(r"(?<![\w./])(?<!ribs )(?<!rib )(?P<low>\d+)\s*(?:-|–|to)\s*(?P<high>\d+)(?![\d./])"
                       r"(?=\s*[a-z])(?!\s*(?:%|percent|inch|inches|in\b|cm|mm|ft|feet|foot|year|month|week|day|hour|min))",
                       re.IGNORECASE)
_EN_COLON_AMOUNT = re.compile(rf"(?<![\w'])(?![^:\n]*\b{_MEALS}\s*:)(?P<food>[a-z][a-z' -]{{0,40}}?)\s*:\s*"
                              rf"(?=\d[\d./]*\s*(?:(?:{_alt(UNITS_EN)}|g|grams?|kg|ml|oz|lbs?)\b\.?)?\s*(?:$|[,;\n]))",
                              re.IGNORECASE)


def _range_middle(m: re.Match) -> str:
    low, high = int(m.group("low")), int(m.group("high"))
    if high <= low:
        return m.group(0)
    total = low + high
    return str(total // 2) if total % 2 == 0 else f"{total // 2} 1/2"  # a fraction: decimals are read as grams


def _en_unbracket(text: str) -> str:
    """Words in brackets are read as said, without the brackets: "oatmeal (1 cup), banana" is oatmeal, a cup of it
    (the bracket had kept the banana in the oatmeal's name), "cassava leaves (without added salt)" the leaves
    (was unmatched: the name kept its bracket). A comma or "and" inside does not start another food; an amount
    inside is marked so that "butter on some white bread (20g)" is two foods."""
    text = _EN_BRACKET_REPEATS.sub(r"\1", text)

    def inner(m: re.Match) -> str:
        words = m.group(1)
        if _EN_BRACKET_AMOUNT.fullmatch(words):
            return f" \x05{words.strip()} "
        return " " + re.sub(r"\s*,\s*", " ", words).replace(" and ", "\x01").replace(" with ", "\x02") + " "

    return _EN_BRACKET.sub(inner, text) if "(" in text else text


_EN_SPREAD_ON = re.compile(r"\s+(?:spread|spreaded|smeared)\s+(?=(?:on|onto|over)\b)", re.IGNORECASE)


_EN_NOT_WITH = re.compile(r"(?:,?\s*(?:and|but)\s+|,?\s+)(?:(?:that|which)\s+)?(?:is\s+|are\s+|was\s+)?not\s+"
                          r"(?:\w+ed\s+|made\s+)?with\b",
                          re.IGNORECASE)


def _parse_en(text: str) -> list[SplitItem]:
    # "a cup filled with egg whites" says what "a cup of egg whites" says.
    text = _EN_CONTAINER_OF.sub(lambda m: f"{m.group(1)} of ", text)
    text = _DISH_PROTECT.sub(lambda m: m.group(0).replace(" and ", "\x01").replace(" with ", "\x02").replace("&", "\x03"), text)
    text = re.sub(r"\b(\w+) and (a half)\b", "\\1\x01\\2", text, flags=re.IGNORECASE)
    # "911.g of lemonade": a number typed with a point and no decimals is the number ("g of lemonade" was a food).
    text = _EN_POINT_BEFORE_UNIT.sub(r"\1", text)
    # "5 g of margarine spread on 30 g of bread": spread is what was done with it, not a margarine spread.
    text = _EN_SPREAD_ON.sub(" ", text)
    # "coffee, not made with sugar" was "coffee with sugar": the verb and its "not" were dropped, the sugar kept.
    text = _EN_NOT_WITH.sub(" without", text)
    text = _en_unbracket(text)
    # Shorthand of a typed log: "coffee w/ milk", "rice w/o salt", "eggs x2" and "2x eggs".
    text = _EN_WITHOUT_SHORT.sub("without ", text)
    text = _EN_WITH_SHORT.sub("with ", text)
    text = _EN_TIMES.sub(r" \g<n>", text)
    text = _EN_TIMES_BEFORE.sub(r"\g<n> ", text)
    # "3-4 strawberries", "2 to 3 slices of bacon": the middle of the range (no count was read, or "to 3 slices").
    text = _EN_RANGE.sub(_range_middle, text)
    # "eggs: 2", "rice: 200g": the amount after a colon, as a log lists it. Not a meal's heading ("lunch: 2 eggs").
    text = _EN_COLON_AMOUNT.sub(r"\g<food> ", text)
    raw_segments: list[tuple[str, str]] = []  # (separator kind before, raw text)
    cursor, sep = 0, "start"
    for m in _EN_SPLIT.finditer(text):
        raw_segments.append((sep, text[cursor:m.start()]))
        kind = m.lastgroup
        sep, cursor = (kind if kind != "conj" else re.sub(r"\s+", " ", m.group("conj").strip(" ,").lower())), m.end()
    raw_segments.append((sep, text[cursor:]))
    segments = []
    for sep, raw in raw_segments:
        raw = raw.replace("\x01", " and ").replace("\x02", " with ").replace("\x03", "&").replace("\x05", "")
        if raw.strip():
            segments.append((sep, raw, _en_read(raw)))

    lists = _sentences_listing_foods(segments)
    items: list[SplitItem] = []
    describing = False  # inside a tail that describes the previous food (fortified with vitamins A and D)
    in_sentence = 0  # items started since the last full stop
    listing = False  # the name already lists what the food is made with: "bagel with onion, poppy seeds"
    for index, (sep, raw, piece) in enumerate(segments):
        if sep == "strong":
            in_sentence = 0
        amount = piece.amount
        stripped = raw.strip()
        if amount.empty and (_EN_DONE_WITH_IT.fullmatch(stripped) or _EN_BETWEEN_FOODS.fullmatch(stripped)):
            continue  # what was done with the food before, or a word between two foods: no food
        article_only = _article_only(stripped, amount)
        # An amount of its own: a weight, a volume, a unit, a number said, or "a large …".
        own = amount.measured or amount.unit is not None or (amount.quantity is not None and not article_only) or (
            article_only and amount.size is not None)
        if _EN_SIZE_SAID.match(stripped):
            own = False  # trimmed to 1/8 inch of fat; 2% milk fat; 45-59% cacao; a quarter-inch layer of fat
        nxt = segments[index + 1][2] if index + 1 < len(segments) else None
        owns_next_amount = nxt is not None and not nxt.name and nxt.amount.measured
        previous = items[-1] if items else None
        unweighed = previous is not None and previous.grams is None and previous.volume_ml is None
        if previous is not None and sep in ("comma", "and") and _made_of_the_list(previous.said, segments, index):
            # "2g of unleavened corn, millet, and sorghum bread", "injera that's a mix of corn, millet, and sorghum",
            # "injera that's half corn and half millet": what the food is made of, not more foods (the millet and the
            # sorghum were a serving each, 75 times the 2 g said).
            joiner = ", " if sep == "comma" else " and "
            previous.said = f"{previous.said}{joiner}{piece.said}"
            previous.name = f"{previous.name}{joiner}{piece.name}".strip()
            describing = True
            continue
        if previous is not None and sep in _EN_WITH and _ITS_PEEL.fullmatch(piece.name or "") and (
                unweighed or not amount.measured):
            # The name keeps to the food: "potato with its skin" found SR's skins alone.
            previous.said = f"{previous.said} {sep} {piece.said}"
            if amount.measured:
                _weigh_as_said(previous, amount)
            describing = True
            continue
        if previous is not None and not amount.measured and _PART_OF_A_FOOD.search(piece.name) and (
                sep in _EN_WITH or (sep == "and" and re.search(r"\b(?:with|topped|filled)\b", previous.said))):
            # "a pizza with a regular crust", "a cake with two layers": a part of the food, not a second one (was
            # 54 g of a crust, and a layer dip).
            previous.said = f"{previous.said} {sep} {piece.said}"
            previous.name = f"{previous.name} with {piece.name}"
            describing = True
            continue
        if previous is not None and sep != "strong" and in_sentence and piece.name and (
                (sep in ("comma", "and") and _EN_ADJ_ONLY.fullmatch(previous.name) and (unweighed or not amount.measured))
                or (amount.measured and unweighed and amount.quantity is not None and amount.unit in (*_GRAMS, *_ML) and (
                    _EN_ADJ_ONLY.fullmatch(piece.name) or _EN_MEASURE_WORDS.fullmatch(piece.name)
                    or (_EN_DESCRIBES.match(stripped) and not _EN_DESCRIBES_FOOD.match(stripped))))):
            # "cooked, braised beef spleen weighing 3 ounces": one food said in two parts;
            # "…, cooked and ready to eat, weighing 10 ounces": a weight said after words about the food.
            if _EN_ADJ_ONLY.fullmatch(previous.name):
                previous.name = f"{previous.name} {piece.name}"
            if unweighed and amount.measured:
                _weigh_as_said(previous, amount)
                if previous.quantity is None:
                    previous.quantity, previous.unit = amount.quantity, amount.unit
            previous.size = previous.size or amount.size
            previous.said = f"{previous.said}{', ' if sep == 'comma' else f' {sep} '}{piece.said}"
            describing = True
            continue
        if (previous is not None and sep == "and" and in_sentence and unweighed and previous.unit is None
                and amount.grams is not None and " with " in f" {previous.said} "
                and _EN_WEIGHT_OF_ALL.search(stripped)):
            # "a coffee with milk and sugar that weighs 141.4g" is 141.4 g of the coffee, not of sugar (was 550 kcal).
            previous.name = f"{previous.name} and {piece.name}"
            previous.said = f"{previous.said} and {piece.said}"
            previous.grams, previous.grams_source = amount.grams, "stated"
            describing = True
            continue
        if previous is not None and sep == "comma" and in_sentence and _EN_SHARE_OF.match(stripped):
            previous.said = f"{previous.said}, {piece.said}"
            if unweighed and amount.measured:
                # "a slice of cheesecake, one-sixth of a 17-ounce cake": the share of the weight said (was 482 g).
                _weigh_as_said(previous, amount)
            continue
        if piece.name and not own and nxt is not None and segments[index + 1][0] == "comma" and not in_sentence and re.match(
                r"(?:for|to|in|at|during|on|from|after|before|while|when)\b", stripped, re.IGNORECASE):
            continue  # "For my recipe, …", "To pop popcorn, …": the occasion, not a food
        if nxt is not None and in_sentence and unweighed:
            owns_next_amount = False  # "a latte made with oat milk, measuring 8 fl oz": the latte's amount
        if (previous is not None and sep == "comma" and article_only and amount.size is None and in_sentence == 1
                and (len(stripped.split()) >= 5 or (len(stripped.split()) >= 3 and (
                    (nxt is not None and segments[index + 1][0] in _EN_WITH)
                    # "Ensure Plus, a ready-to-drink nutritional shake": a product's name, then what it is.
                    or _EN_PRODUCT_NAME.search(previous.said))))
                and (nxt is None or segments[index + 1][0] == "strong" or (nxt.amount.empty and (
                    segments[index + 1][0] != "and" or _EN_MADE_FROM.search(stripped))))):
            # "Beerwurst, a beer salami made from pork": the food named again, not a second one; "low sodium shoyu, a
            # soy sauce crafted from soybeans and wheat" too (the wheat was 15 g of wheat germ).
            previous.said = f"{previous.said}, {piece.said}"
            previous.name = f"{previous.name}, {_EN_TYPE_OF.sub('', piece.name)}"
            describing = True
            continue
        if previous is not None and sep != "strong" and not own and piece.name and not owns_next_amount:
            describes = bool(_EN_DESCRIBES.match(stripped) or _EN_ASIDE_END.search(stripped)) or (
                nxt is not None and segments[index + 1][0] in _EN_WITH and bool(
                re.fullmatch(r"\w+ed|spread|made|done|frozen|filled|topped|served|eaten", stripped, re.IGNORECASE)))
            if sep in _EN_WITH and _EN_COOKED_FOOD.fullmatch(stripped):
                describes = False  # "a tortilla with cooked black beans": the beans (were dropped, 282 g of tortilla)
            joins = describes or describing or sep in _EN_WITH
            if not joins and not (article_only or piece.vague) and not lists[index]:
                # No amount at all: part of the food before it, unless the sentence already lists foods.
                joins = in_sentence < 2 or bool(
                    _EN_PARTICIPLE.search(previous.said) or _EN_GENERIC.fullmatch(previous.name)
                    or (sep != "comma" and (previous.unit in CONTAINER_UNITS or previous.grams is not None
                                            or previous.volume_ml is not None)))
            if joins:
                joiner = ", " if sep == "comma" else f" {sep} "
                previous.said = f"{previous.said}{joiner}{piece.said}"
                if _EN_MEAL_WORD.fullmatch(previous.name):
                    previous.name = piece.name
                elif (not describes or _EN_DESCRIBES_FOOD.match(stripped) or (
                        sep == "and" and _EN_OTHER_KINDS.fullmatch(stripped) and len(previous.name.split()) <= 2)) and (
                        sep != "comma" or listing or not _EN_ASIDE.match(stripped)):
                    previous.name = f"{previous.name}{joiner}{piece.name}".strip()
                    listing = True
                describing = True
                continue
        describing = listing = False
        if not piece.name:
            if piece.amount.measured and previous is not None and previous.grams is None and previous.volume_ml is None:
                a = piece.amount
                count = _count(previous.quantity, previous.unit) if a.each else 1.0
                previous.grams = None if a.grams is None else a.grams * count
                previous.grams_source = "stated" if a.grams is not None else None
                previous.volume_ml = None if a.volume_ml is None else a.volume_ml * count
                previous.said = f"{previous.said}, {piece.said}"
            continue
        only_one = amount.quantity == 1 and amount.unit is None and amount.size is None and not amount.measured
        # "I made a dish with 5 grams of butter, …", "I prepared a drink with 3g of instant coffee": the dish said with
        # an article is what the foods after it make, not a food of its own (was 285 g of potato salad).
        if ((_EN_GENERIC.fullmatch(piece.name) and not piece.brand and (amount.empty or only_one))
                or (only_one and _EN_OCCASION.fullmatch(piece.name))
                or _EN_NOT_FOOD.fullmatch(piece.name)):
            continue  # "I had a snack with …", "I paired that with …": the occasion or a pronoun, not a food
        items.append(_new_item(piece))
        in_sentence += 1
        describing = bool(_EN_PARTICIPLE.search(piece.said)) or bool(re.search(
            r"\b(?:made|prepared|cooked|mixed|served|topped|filled|seasoned|fortified|enriched|infused|containing|including)"
            r"\s+(?:with|from|in|using|of)\b|\b(?:featuring|including|containing|comprising|consisting of|that (?:includes|contains|has))\b",
            piece.said, re.IGNORECASE)) or bool(_EN_MADE_FROM.search(piece.said))
    for item in items:
        item.name = _en_tidy(item.name)
    _read_units_left_out(items)
    return items


_EN_HEADING_SAID = re.compile(_EN_HEADING, re.IGNORECASE)
# Parts that are no food of a list: "…, free from added vitamins A and D", "…, inclusive of solids and liquid", a
# vitamin's letter.
_EN_NOT_A_LISTED_FOOD = re.compile(r"^(?:free|rich|high|low|inclusive|given)\b|^\w{1,2}$|\b(?:will|to be)\b",
                                   re.IGNORECASE)
# A last part that is a dish, with no article of its own, is the dish of the others: "a cup of cheese, meat, and
# dark-green vegetable omelet" (not "…, fries and a side salad").
_EN_DISH_OF_THE_OTHERS = re.compile(r"\b(?:omelets?|omelettes?|sandwich(?:es)?|salads?|soups?|pizzas?|burritos?|pies?|"
                                    r"casseroles?|stews?|smoothies?|wraps?|bowls?|tacos?|quesadillas?|curry|curries)\b",
                                    re.IGNORECASE)
_EN_LEAD_WORDS = re.compile(r"^(?:(?:i|we)\s+(?:had|ate|have|got|am having|'m having)\s+|(?:dinner|lunch|breakfast)\s+(?:was|is)\s+)",
                            re.IGNORECASE)
_EN_ARTICLE_ONLY = re.compile(r"(?:a|an)\s", re.IGNORECASE)
_EN_TYPED_AMOUNT = re.compile(r"\s*\d(?!.*\bof\b)", re.IGNORECASE)


# A food made of what is listed after it ("a mix of corn, millet, …", "cereals that come from oat, rice, …"), or
# halves of it ("half corn and half millet"); a list that ends in what its parts make ("corn, millet and sorghum
# bread").
_EN_MADE_OF_SAID = re.compile(
    r"\b(?:(?:mix|mixture|blend|combination|made|consisting|composed)\s+(?:\w+\s+)?(?:of|from|with)|(?:come|comes|came)\s+"
    r"from|half|salad\b.*\b(?:of|with|included|includes|including))\b(?:\s+[\w.]+){0,3}$", re.IGNORECASE)
_EN_MADE_OF_PART = re.compile(r"(?:half|equal parts(?: of)?)?\s*[a-z-]+(?:\s+[a-z-]+)?", re.IGNORECASE)
_EN_VAGUE_LEAD = re.compile(r"(?:and\s+)?(?:some|a|an|the|my|more)\b", re.IGNORECASE)
_EN_MADE_OF_THEM = re.compile(r"(?:[a-z-]+\s+){1,2}(?:bread|breads|injera|porridge|flour|flours|cereal|cereals)",
                              re.IGNORECASE)


def _made_of_the_list(said_before: str, segments: list[tuple[str, str, "_Piece"]], index: int) -> bool:
    """Is the segment at `index`, and each bare one after it to the list's end, a part of what the food before it is
    made of? Each is a word or two with no amount of its own (but "half"); the food before says it is made of them,
    or the list's last part is what they make."""
    chain = []
    for sep, raw, piece in segments[index:]:
        said = raw.strip()
        if (sep not in ("comma", "and") or not _EN_MADE_OF_PART.fullmatch(said)
                or not (piece.amount.empty or said.lower().startswith("half "))):
            break
        chain.append(said)
    if not chain:
        return False
    end = index + len(chain)
    if end < len(segments) and segments[end][0] in ("comma", "and"):
        return False  # the list goes on with a food of its own amount: these are foods too
    if chain[0].lower().startswith("half ") and " half " not in f" {said_before.lower()} ":
        return False
    return bool(_EN_MADE_OF_SAID.search(said_before)
                or len(chain) >= 2 and _EN_MADE_OF_THEM.fullmatch(chain[-1]) and not _EN_VAGUE_LEAD.match(chain[-1]))


def _article_only(said: str, amount: _Amount) -> bool:
    """"a coke", "an apple": the one an article says, no amount of its own."""
    return bool(amount.quantity == 1 and amount.unit is None and not amount.measured and _EN_ARTICLE_ONLY.match(said))


def _sentences_listing_foods(segments: list[tuple[str, str, _Piece]]) -> list[bool]:
    """Per segment: whether its sentence is a list of foods, "a pork chop, mashed potatoes and green beans" (was one
    food of that name): three parts or more joined by commas and a last "and", or two after a heading ("Breakfast:
    2 eggs, toast"); none with an amount after the first, and none that only describes ("roasted ham, boneless and
    cured" is one ham)."""
    listing = [False] * len(segments)
    start = 0
    for end in range(len(segments) + 1):
        if end < len(segments) and (end == start or segments[end][0] != "strong"):
            continue
        parts = segments[start:end]
        seps = [sep for sep, _, _ in parts[1:]]
        headed = bool(parts) and bool(_EN_HEADING_SAID.match(parts[0][1].strip()))
        last = parts[-1][1].strip() if parts else ""
        dish_of_the_others = (not headed and len(last.split()) > 1 and bool(_EN_DISH_OF_THE_OTHERS.search(last))
                              and not _EN_ARTICLE_ONLY.match(last))
        # A food of the sentence said with its article first ("a pork chop, …"): NutriBench-style names of one food
        # list what it is made of without one ("cheese, meat and dark-green vegetable omelet").
        counted = bool(parts) and bool(_EN_ARTICLE_ONLY.match(_EN_LEAD_WORDS.sub("", parts[0][1].strip())))
        # As typed into a log: "2 eggs, toast, coffee", "200g rice, beans", "oatmeal 1 cup, banana". Commas only,
        # three foods or more, or the first with its count or weight in figures and no "of", or its amount after it;
        # no part that is only a word about the food before it. Not "a slice of pizza, pepperoni", "One plain rye
        # cracker, triple layer" or "1 fl oz of infant formula, ready-to-feed": one food and what it is.
        first = parts[0][2].amount if parts else None
        typed = bool(parts) and bool(seps) and set(seps) <= {"comma", "+"} and (
            "+" in seps or len(parts) >= 3 or parts[0][2].amount_after or (
                (first.unit is None or first.unit in (*_GRAMS, *_ML)) and bool(_EN_TYPED_AMOUNT.match(parts[0][1])))
        ) and all(piece.name and not _EN_ADJ_ONLY.fullmatch(piece.name) and not _EN_DESCRIBES.match(raw.strip())
                  and len(piece.name.split()) <= 4 for _, raw, piece in parts)
        if ((counted and len(parts) >= 3 and seps[-1] == "and" or headed and len(parts) >= 2 or typed)
                and set(seps) <= {"comma", "and", "+"} and not dish_of_the_others and all(
                piece.name and (piece.amount.empty or _article_only(raw.strip(), piece.amount) or (
                    typed and piece.amount.quantity is None and not piece.amount.measured))  # "medium fries"
                and not _EN_DESCRIBES.match(raw.strip()) and not _EN_NOT_A_LISTED_FOOD.search(piece.name)
                and not _EN_ADJ_ONLY.fullmatch(piece.name) for _, raw, piece in parts[1:])):
            listing[start:end] = [True] * (end - start)
        start = end
    return listing


_EN_DECIMALS_SAID = re.compile(r"\s*\d+\.\d")


def _read_units_left_out(items: list[SplitItem]) -> None:
    """"2.2 of 2% milk" and "23.5 tomatoes" in a meal weighed in grams are grams with the unit left out, not 2.2
    cups (537 g) and 23.5 tomatoes (2.9 kg): a number with decimals said with "of" and no unit, or one of ten and
    more with decimals, where at least two other foods are weighed in grams."""
    in_grams = sum(item.unit == "g" and item.grams_source == "stated" for item in items)
    if in_grams < 2:
        return
    for item in items:
        number = item.quantity
        # "46.0 white bread" says its decimals too (was 46 slices, 1,288 g).
        decimals = number is not None and (number != int(number) or _EN_DECIMALS_SAID.match(item.said or ""))
        if (item.unit is None and item.grams is None and decimals
                and (number >= 10 or _EN_NUMBER_OF.match(item.said))):
            item.grams, item.grams_source, item.unit = number, "stated", "g"


_EN_PRESENTED = (r"topped|garnished|adorned|accompanied|complemented|enhanced|drizzled|sprinkled|paired|combined|loaded|"
                 r"packed|finished|served|seasoned|mixed|blended|tossed|dressed|smothered|covered|crafted|featuring")


_EN_CALLED = re.compile(r"^(?:(?:\w+\s+)?(?:dish|food|drink|beverage|snack|sweet|dessert|specialty|speciality)\s+"
                        r"(?:called|named|known\s+as)|(?:plate|bowl|tray)\s+(?:had|has|held|holds|contained|contains|"
                        r"included|includes))\s+")
_EN_ON_THE_GRILL = re.compile(r"\s+(?:that\s+(?:was|were)\s+)?(?:cooked|done|made|prepared|roasted)\s+on\s+(?:the|a)\s+"
                              r"(?:grill|barbecue|bbq)\b")
_EN_BY_SIMMERING = re.compile(r"\s+(?:that\s+(?:was|were)\s+)?cooked\s+(?:by\s+simmering|in\s+a\s+simmer)\b")

# What it was for, after the food: "a 129.7g apple to munch on" was unmatched.
_EN_TO_MUNCH_ON = re.compile(r"\s+to\s+(?:munch|snack|nibble|chew)(?:\s+on)?$")

_EN_BREAD_SPREAD_WITH = re.compile(rf"\b({_alt(EN_BREADS)})\s+spread\s+with\b")


def _en_tidy(name: str) -> str:
    """Words about how the food is presented, not what it is: "pizza topped with cheese" → "pizza with cheese"."""
    name = re.sub(r"\b(?:(?:a|an|the)\s+)?(?:(?:small|large|little|generous|equal|same|additional|extra|good|wide)\s+)?"
                  r"(?:amount|variety|assortment|selection|medley|combination|blend|mixture|quantity|range)\s+of\s+", "", name)
    name = re.sub(rf"\b(?:{_EN_PRESENTED})\s+(?:by|with)\b", "with", name)
    # A food named after saying what it is ("275g of a dish called Baiao de Dois") or where it lay ("my plate had 140
    # grams of beans"): the name alone, which the tables or our dishes know (both were unmatched).
    name = _EN_CALLED.sub("", name)
    # How it was cooked, said the long way: "chicken fillet cooked on the grill" is grilled (was unmatched).
    name = _EN_ON_THE_GRILL.sub(" grilled", name)
    name = _EN_BY_SIMMERING.sub(" simmered", name)
    name = _EN_TO_MUNCH_ON.sub("", name)
    # A bread spread with something: "bread spread with margarine" was a margarine spread (386 kcal for 91 g).
    name = _EN_BREAD_SPREAD_WITH.sub(r"\1 with", name)
    name = re.sub(rf"(?:,\s*|\s+)(?:{_EN_PRESENTED}|made|prepared)$", "", name)
    return re.sub(r"\s+", " ", name).strip(" ,")


# ---------------------------------------------------------------- public

# A list typed line by line: "- 2 eggs", "• toast", "1. coffee" (the dash had stayed in the name, the count lost).
_LIST_MARKER = re.compile(r"(?m)^[ \t]*(?:[-*•·▪◦‣–—]|\d{1,2}[.)、])[ \t]+")


def parse_meal(text: str) -> Split:
    """Split meal text into items with the amounts said, without a model, a database or the network."""
    text = _LIST_MARKER.sub("", (text or "").translate(_FULLWIDTH)).strip()
    if not text:
        return Split(items=[], parser="offline")
    items = _assemble_zh(_zh_clauses(text)) if _CJK.search(text) else _parse_en(text)
    for item in items:
        item.language = "zh" if _CJK.search(item.said) else "en"
        for component in item.components:
            component.language = "zh" if _CJK.search(component.said) else "en"
    return Split(items=[item for item in items if item.name], parser="offline")
