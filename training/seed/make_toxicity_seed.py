"""Generate the vimod toxicity seed corpus (``toxicity.csv``).

Every base post below was written for this project (none is taken from ViHSD or any other
dataset). Labels follow ViHSD conventions: CLEAN, OFFENSIVE, HATE. The script adds
surface variants (no diacritics, teencode, emoji, caps, repeated letters, masked swear
words, the other tone-mark style, @mentions) until the label mix is about 50/25/25, then
de-duplicates, shuffles with a fixed seed and writes the CSV next to this file.

Usage: ``python training/seed/make_toxicity_seed.py [output.csv]``
"""

from __future__ import annotations

import csv
import random
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

SEED = 20240611
TARGET_TOTAL = 2000
LABEL_SHARES: dict[str, float] = {"CLEAN": 0.50, "OFFENSIVE": 0.25, "HATE": 0.25}
MAX_VARIANTS_PER_POST = 3
OUTPUT = Path(__file__).with_name("toxicity.csv")

# Blocks hold one post per line; a line indented by two spaces continues the previous post.

_CLEAN_SPORT_FOOD = """
Trận hôm qua Việt Nam đá hay quá, Quang Hải sút phạt đẹp thật sự
Tối nay mấy giờ đá vậy mọi người? Kênh nào chiếu trực tiếp nhỉ
hlv nên cho cầu thủ trẻ ra sân nhiều hơn, đội hình hơi già rồi
Thủ môn hôm nay bắt xuất thần, cứu thua ít nhất 3 pha
Messi vẫn là số 1 trong lòng mình ❤️
Ronaldo ghi bàn ở tuổi này thì đúng là phải nể
trận này hòa là công bằng, hai đội đều có cơ hội
Sân Mỹ Đình hôm nay kín chỗ, không khí cuồng nhiệt quá
ai có link xem lại highlight không cho mình xin với
Trọng tài bắt hơi nhiều lỗi vặt nhưng nhìn chung ổn
MU mùa này đá chán quá, xem mà buồn ngủ
Arsenal mà vô địch năm nay thì mình khao cả phòng trà sữa
Ban huấn luyện cần xem lại hàng phòng ngự, để thủng lưới dễ quá
U23 cố lên, cả nước đang dõi theo các em 🇻🇳
bàn thắng phút 90 đúng là nghẹt thở, tim mình muốn rớt ra ngoài
Mình nghĩ đổi người hơi muộn, phút 60 đã nên tung tiền đạo vào rồi
Giải V-League năm nay cạnh tranh gắt thật, top 5 sát nút
đi bão thôi anh em ơi, vô địch rồiiii
Có ai biết vé trận chung kết mở bán ở đâu không ạ
Thua nhưng vẫn tự hào, các cầu thủ đã chiến đấu hết mình
Pha kiến tạo của số 10 quá đẳng cấp, nhìn lại slow motion mới thấy
hnay ai đá sân 7 ở Cầu Giấy ko, team mình thiếu 2 ng
Penalty mà sút thế này thì tiếc thật, lần sau rút kinh nghiệm nhé
VAR vào cuộc xong đổi quyết định, công nghệ đúng là có ích
Tỉ lệ kèo không quan trọng, xem bóng cho vui là chính
Real với Barca cuối tuần này, ai dự đoán tỉ số đi
Chúc mừng đội tuyển nữ, các chị quá xuất sắc 👏👏
Cầu thủ nhập tịch có thể giúp đội mạnh hơn nhưng cũng cần đầu tư đào tạo trẻ
Xem bóng đá ở quán cà phê vui hơn ở nhà nhiều
tiền vệ phòng ngự hôm nay chạy như con thoi, đáng khen
Phở bò quán này nước dùng trong mà ngọt, ăn một lần nhớ mãi
Ai biết chỗ bán bánh mì ngon ở quận 3 không chỉ mình với
Hôm nay thử làm bánh flan lần đầu, hơi rỗ mặt nhưng vị ổn 😅
Bún chả Hà Nội chuẩn vị là phải có chả băm nướng than hoa
Cơm tấm sườn bì chả 35k, giá này ở Sài Gòn là hợp lý
Trà sữa dạo này ngọt quá, mình toàn gọi 30% đường
Mì Quảng ở Đà Nẵng ngon hơn hẳn mì Quảng ngoài này
Lẩu thái chua cay hợp trời mưa ghê
Ai có công thức làm sữa chua dẻo không, con mình thích ăn lắm
quán này phục vụ hơi chậm nhưng đồ ăn ngon nên vẫn quay lại
Bánh xèo miền Tây to như cái mâm luôn, ăn 2 cái là no
Mình ăn chay được 3 tháng rồi, thấy người nhẹ nhõm hơn
Cà phê muối Huế uống lạ miệng mà ghiền
Nấu canh chua cá lóc phải có bạc hà với đậu bắp mới đúng điệu
Món này cho thêm ít tiêu với hành phi là thơm nức
hủ tiếu Nam Vang sáng nay bán hết sớm quá, tiếc ghê
Giá thịt heo tăng nên dạo này nhà mình ăn cá nhiều hơn
Bánh cuốn Thanh Trì mỏng tang, chấm nước mắm pha vừa ăn
Nhà hàng này trang trí đẹp, hợp đi hẹn hò
Có ai ăn sầu riêng Ri6 năm nay chưa, ngọt lịm luôn
Ốc len xào dừa là chân ái của mình 😍
Chè bưởi ở quán đầu ngõ ngon mà rẻ, 15k một cốc
Cho mình hỏi nấu bò kho dùng nồi áp suất bao lâu thì mềm ạ
Gỏi cuốn tôm thịt chấm tương đen, đơn giản mà ngon
Review thật: gà rán ở đây giòn nhưng hơi mặn
Nem rán mẹ làm vẫn là ngon nhất
ship đồ ăn mà đến nơi nguội hết, hơi tiếc nhưng chắc anh shipper cũng vội
Bún bò Huế phải cay cay mới đã
Cháo lòng sáng sớm mùa đông thì tuyệt vời
mk mới mở tiệm bánh nhỏ, mọi người ủng hộ nha ❤️
Bánh canh cua ở chợ Bến Thành hơi đắt nhưng cua nhiều thật
Cuối tuần làm nồi thịt kho trứng, cả nhà ăn hết veo
"""

_CLEAN_SHOWBIZ_TRAFFIC = """
MV mới của chị ấy nghe cuốn thật, replay cả chục lần
Phim này diễn viên chính diễn tự nhiên quá, xem khóc luôn
Concert tối qua âm thanh hơi rè nhưng không khí cực cháy 🔥
Ai xem tập mới của chương trình chưa, vòng loại năm nay nhiều giọng hát hay
Mong phim Việt ngày càng được đầu tư kịch bản tốt hơn
Bài này nghe hợp lúc lái xe đêm ghê
Chúc mừng anh chị về chung một nhà, trăm năm hạnh phúc nhé
trailer hứa hẹn ghê, tết này nhất định ra rạp xem
Hát live mà vẫn ổn định như vậy là giỏi thật
Mình thích giai điệu nhưng lời hơi khó hiểu
Phim bộ Hàn này kết thúc mở, hơi hụt hẫng
Bộ váy trên thảm đỏ hôm qua đẹp xuất sắc
Ca sĩ này từ hồi còn hát ở phòng trà đã thấy có tố chất
Chương trình gameshow này càng ngày càng nhạt, mong đổi format
Fan meeting có bán vé online không mọi người
Diễn viên phụ cướp spotlight luôn, đóng quá đạt
Album mới nhiều bài ballad, hợp gu mình
Hóng phần 2 quá, ekip làm nhanh lên nha
Mình không thích nhạc rap lắm nhưng bài này thì nghe được
Tin đồn thôi mà, chưa có xác nhận thì đừng vội tin
Hậu trường quay MV nhìn vất vả thật, thương ekip
Nghe nhạc Trịnh vào tối mưa là đúng bài
Stand-up comedy của anh này duyên ghê, cười đau bụng 🤣
Phim chiếu rạp tháng này nhiều phim hay, không biết chọn phim nào
idol của mình comeback rồi mng ơi, stream đi nào
bài hát này gợi nhớ tuổi thơ quá
vlog du lịch của chị xem chill ghê, chờ video tiếp theo
Mình thấy kết phim hợp lý, nhân vật phản diện bị trừng trị thích đáng
Nhạc phim hay hơn cả phim 😂
Cảnh quay flycam đẹp quá, quay ở Hà Giang phải không ạ
Đường Nguyễn Trãi giờ này kẹt cứng, mọi người đi đường khác nhé
Cầu Sài Gòn đang sửa, xe máy chạy chậm lại nha
Hôm nay mưa to, đoạn Nguyễn Hữu Cảnh ngập tới bánh xe
Đội mũ bảo hiểm đầy đủ khi ra đường mọi người nhé
Cho hỏi từ bến xe Miền Đông mới vào trung tâm đi xe buýt số mấy
Metro chạy rồi đi làm sướng hẳn, không lo kẹt xe
Tai nạn ở ngã tư, may không ai bị thương nặng
Ai đi Grab sáng nay không, giá tăng gấp đôi luôn
Đèn đỏ ở ngã tư này lâu quá, chờ gần 2 phút
Đi xe máy trời nắng nhớ mặc áo chống nắng
Đã uống rượu bia thì không lái xe, mong mọi người nhớ
Bãi giữ xe ở bệnh viện lúc nào cũng chật
Cao tốc mới thông xe, về quê nhanh hơn cả tiếng
Mọi người có biết trạm đăng kiểm nào ít đông không
Phạt nguội qua camera giờ nhiều lắm, chạy cẩn thận
Sáng nay có anh CSGT giúp dắt xe cho bà cụ qua đường, cảm động ghê
tuyến xe buýt 08 có chạy đến khuya ko ạ
Đường đang làm nên bụi quá, đeo khẩu trang kỹ vào
Xe ô tô đỗ dưới lòng đường chiếm hết lối đi, mong phường xử lý
Đi phà sang Cần Giờ cuối tuần đông kinh khủng
Mình vừa thi bằng lái B2 xong, đậu rồi vui quá
Xe điện bây giờ nhiều trạm sạc hơn rồi, tiện ghê
hôm nay tắc đường từ Cầu Giấy tới Kim Mã, muộn làm luôn
Ai bị rơi ví ở đường Lê Lợi liên hệ mình để nhận lại nha
Xin thông tin: đoạn quốc lộ 1 qua Phan Thiết có đang sửa không
"""

_CLEAN_SHOP_GAME = """
Shop giao hàng nhanh, đóng gói cẩn thận, sẽ ủng hộ tiếp
Áo đẹp như hình, vải mát, size vừa in
Đặt hàng 5 ngày rồi chưa thấy giao, shop kiểm tra giúp mình với
Hàng nhận được bị móp hộp, mong shop đổi giúp
Sale 11.11 săn được nồi chiên không dầu giá hời quá
Size M có còn không shop? mình cao 1m60 nặng 50kg
Shop ơi ib mình báo giá nhé
Giày hơi chật so với size thường, mọi người nên tăng 1 size
Mã giảm giá hết hạn rồi, tiếc thật
Chất lượng tạm ổn so với giá tiền
Nhận hàng rồi, màu ngoài đời nhạt hơn ảnh một chút
Phí ship đắt hơn cả tiền hàng 😅
Có ai mua tai nghe này chưa, review giúp mình với
Hàng chính hãng có tem bảo hành đầy đủ, yên tâm
livestream tối nay có deal gì hot không shop
Đóng gói kỹ lắm, bọc 3 lớp chống sốc luôn
Mua 2 lần rồi lần nào cũng hài lòng ❤️
Son lên màu đẹp nhưng hơi khô môi
Đổi trả trong 7 ngày đúng không shop?
Mình đặt màu đen mà giao màu xám, shop xem lại giúp mình nhé
Shipper thân thiện, gọi trước khi giao, cảm ơn anh
Cho mình hỏi sản phẩm này dùng được cho da nhạy cảm không
Hàng đẹp mà giá rẻ hơn ngoài tiệm nhiều
Sản phẩm không giống mô tả, mình đã gửi yêu cầu hoàn tiền
Chờ mãi mới có hàng về, đặt ngay 2 cái
Có bán sỉ không ạ, mình muốn lấy về bán ở quê
Xin lỗi shop mình bấm nhầm 1 sao, hàng thật ra rất tốt
Đơn của mình bị hủy không rõ lý do, shop giải thích giúp
Mua cho mẹ mà mẹ thích lắm, cảm ơn shop
Quạt chạy êm, gió mạnh, đáng tiền
Tướng mới ra mạnh quá, cần nerf sớm
Rank Kim Cương rồi, ai leo cùng không
Bản cập nhật mới bị lag quá, nhà phát hành fix giúp
Đội tuyển Việt Nam vào chung kết rồi, tự hào ghê
Game này đồ hoạ đẹp mà nhẹ, máy yếu vẫn chơi được
ai có acc clone cho mình mượn chơi thử với
Tối nay 9h leo rank nha anh em, đủ 5 người rồi
Build đồ này hợp với team đang đánh ổn không mọi người
Sự kiện tết năm nay quà xịn quá, skin đẹp
Mình nghiện game này mấy tháng rồi, bỏ không được 😂
Pha combo cuối trận đỉnh thật, xem lại 3 lần
Có ai chơi Minecraft server Việt không, cho mình xin IP
Game offline hay cho máy cấu hình thấp, mọi người gợi ý giúp
Caster bình luận hay ghê, nghe là thấy hào hứng
Thua liền 5 trận, thôi nghỉ đi ngủ 😅
Nạp 20k được cả đống kim cương, đáng đồng tiền
Chế độ chơi mới vui phết, đánh với bạn bè cười xỉu
Trận đấu kéo dài 40 phút, căng như dây đàn
Stream hôm nay có giveaway không anh
Cần tìm team chơi Liên Quân tối thứ 7, ai tham gia inbox nha
GG, đối thủ chơi hay, mình thua tâm phục khẩu phục
Đừng chơi game quá khuya nha mọi người, giữ sức khoẻ
Game này có bản tiếng Việt không ạ
Server bảo trì đến mấy giờ vậy ad
Mình mới chơi, có tip gì cho người mới không
"""

_CLEAN_LIFE_SCHOOL = """
Sáng nay dậy sớm tập thể dục, thấy khỏe hẳn
Cuối tuần cả nhà về quê thăm ông bà
Con mình hôm nay tự buộc dây giày được rồi, vui ghê
Chúc mọi người buổi tối vui vẻ nhé
Mẹ mình nấu ăn ngon nhất thế giới
Mới chuyển nhà, hàng xóm thân thiện ghê
Tối nay ăn gì đây mọi người, lười nấu quá
Cảm ơn mọi người đã đến dự sinh nhật mình ❤️
Đi làm về mệt nhưng thấy con cười là hết mệt
Nhà mình có cây xoài năm nay sai quả lắm
Mất điện từ trưa đến giờ, nóng quá trời
Mua được cái ghế công thái học, ngồi làm việc đỡ đau lưng hẳn
Hôm nay là ngày đầu đi làm ở công ty mới, hồi hộp ghê
Bố mình mới học dùng Zalo, gửi sticker liên tục 😂
Ai biết thợ sửa máy giặt uy tín ở Thủ Đức không ạ
Dọn nhà đón tết mệt nhưng vui
Chị em ơi, mẹo giữ rau tươi lâu trong tủ lạnh là gì vậy
Đám cưới bạn thân, mình làm phù dâu, xúc động quá
Ông ngoại mình năm nay 90 tuổi mà vẫn minh mẫn
Hàng xóm cho mình túi ổi, ngọt giòn lắm
Chủ nhật này có ai đi chùa không, mình muốn đi cùng
nay mệt quá, đi ngủ sớm thôi, good night mọi người
Mua cây cảnh về trồng ban công, nhìn xanh mát hẳn
Cả nhà quây quần ăn cơm tối, bình dị mà hạnh phúc
Hôm nay được thưởng, tối nay khao cả nhà đi ăn lẩu
Đang tìm người giúp việc theo giờ khu Bình Thạnh, ai biết giới thiệu giúp
Nhà mình mới có em bé, ai có kinh nghiệm chăm trẻ sơ sinh chia sẻ với
Tưới cây, pha cà phê, đọc sách, chủ nhật đúng nghĩa
Bà nội dạy mình gói bánh chưng, năm nay gói được 10 cái
Thèm về quê ăn cơm mẹ nấu quá
Mai thi học kỳ rồi mà chưa ôn xong, cầu may thôi
Cô giáo chủ nhiệm lớp mình hiền mà dạy dễ hiểu lắm
Ai có đề cương ôn tập Toán 12 cho mình xin với
Điểm thi đại học năm nay có rồi, chúc mọi người đỗ nguyện vọng 1
Thầy dạy Lý giảng hay quá, cả lớp ai cũng thích
Làm bài tập nhóm mà cả nhóm chỉ mình làm, mệt ghê
Học online mạng lag hoài, thầy nói gì cũng không nghe rõ
Bạn nào học IELTS ở trung tâm này rồi cho mình xin review
Mình vừa nhận học bổng, cảm ơn thầy cô đã giúp đỡ
Kỳ này học 24 tín chỉ, chắc không có thời gian ngủ
Cho hỏi hạn nộp hồ sơ xét tuyển là ngày nào ạ
Con mình vào lớp 1, mẹ lo hơn con
Thư viện trường mới sửa đẹp quá, ngồi học cả ngày được
Bài giảng này có slide không thầy ơi
Đi học thêm tối nào cũng tới 9h, thương con quá
Tốt nghiệp rồi, cảm ơn 4 năm thanh xuân ở trường
Ai ở ký túc xá khu B cho mình hỏi có máy giặt chung không
Mình đang tìm gia sư tiếng Anh cho bé lớp 5
Thầy cô vất vả quá, chúc mừng 20/11 ạ 💐
Bài luận này mình viết 3 ngày mới xong
Cô ơi cho em xin nghỉ buổi học chiều nay vì em bị sốt
Học sinh bây giờ áp lực học hành nhiều quá
Có nên cho con học trường quốc tế không mọi người
Sáng nào cũng chen chúc đưa con đi học, mệt nhưng vui
Lớp mình tổ chức họp lớp sau 10 năm, ai cũng khác hẳn
Đề thi năm nay khó hơn năm ngoái nhiều
Bạn cùng bàn cho mình mượn vở chép bài, cảm ơn nhiều
Trường có tổ chức cắm trại cuối năm không các bạn
Học tiếng Nhật được 6 tháng, giờ đọc được truyện rồi
Ai có kinh nghiệm viết CV xin thực tập thì chỉ mình với
Con gái mình mới thi đậu trường chuyên, cả nhà mừng rơi nước mắt
"""

_CLEAN_PRICE_WEATHER_TECH = """
Giá xăng lại tăng rồi, đổ đầy bình hết gần 100k
Giá vàng hôm nay giảm nhẹ, ai tính mua thì canh nhé
Rau ở chợ giờ đắt hơn siêu thị luôn
Tiền điện tháng này gấp rưỡi tháng trước vì bật điều hoà
Thuê trọ ở Hà Nội giờ rẻ nhất cũng 3 triệu
Lương không tăng mà cái gì cũng tăng giá
Giá nhà chung cư lên nhanh quá, người trẻ khó mua nổi
Mua sắm cuối năm nên lên danh sách trước cho đỡ tốn tiền
Trứng gà giờ 3 nghìn một quả rồi
Tiết kiệm mỗi tháng 2 triệu, cuối năm cũng được khoản kha khá
Giá vé máy bay tết đắt quá, chắc đi xe khách
Học phí đại học tăng, nhiều bạn phải đi làm thêm
Đi chợ 200k mà chẳng mua được mấy món
Lãi suất gửi tiết kiệm giảm rồi mọi người ơi
Có app nào quản lý chi tiêu dễ dùng không
Giá cà phê nhân năm nay cao, nông dân vui
Mình dùng gói cước 4G 120k/tháng, data thoải mái
Giá thuê mặt bằng ở trung tâm đắt quá, bán không đủ trả
Mùa này dưa hấu rẻ, 8k/kg
ai bik giá lúa hôm nay bao nhiêu ko
Hà Nội hôm nay lạnh 12 độ, mọi người mặc ấm nhé
Mưa từ sáng tới giờ không ngớt, ở nhà đắp chăn thôi
Bão sắp vào miền Trung, bà con chú ý an toàn
Nắng nóng 39 độ, nhớ uống đủ nước
Sài Gòn chiều nào cũng mưa một trận rồi tạnh
Trời se se lạnh, thích hợp đi dạo Hồ Gươm
Sương mù dày đặc, đi đường nhớ bật đèn
Đà Lạt mùa này hoa dã quỳ nở vàng rực, đẹp lắm
Dự báo cuối tuần có mưa, kế hoạch đi biển chắc hoãn
Không khí hôm nay ô nhiễm, chỉ số AQI vượt 150
Mưa đá ở Sa Pa, lần đầu mình thấy luôn
Trời đẹp quá, nắng nhẹ gió mát
Nồm ẩm quá, quần áo phơi 3 ngày chưa khô
Lũ về nhanh quá, mong bà con vùng lũ bình an 🙏
Gió mùa đông bắc tràn về rồi, rét thật sự
Thuỷ điện xả lũ, bà con hạ du chú ý nhé
iPhone mới pin trâu hơn hẳn đời trước
Điện thoại mình bị đơ khi mở camera, có ai bị giống không
Máy Android tầm trung giờ chụp ảnh đẹp ghê
Nên mua laptop nào cho sinh viên IT tầm 15 triệu
Sạc nhanh 65W, 30 phút đầy pin, tiện thật
Cập nhật iOS xong máy nóng quá
Wifi nhà mình chập chờn suốt, nhà mạng hẹn mãi chưa qua sửa
Mình mới chuyển sang dùng máy tính bảng để đọc sách
Camera điện thoại chụp đêm tốt thật, ảnh không bị nhiễu
Cho hỏi thay màn hình điện thoại ở đâu uy tín ạ
Tai nghe không dây này chống ồn khá ổn so với giá
Máy cũ xài 4 năm vẫn mượt, không cần đổi
Ai biết cách khôi phục ảnh đã xóa trên Android không
Đồng hồ thông minh đo nhịp tim chính xác không mọi người
Quạt tản nhiệt laptop kêu to, chắc phải vệ sinh rồi
App ngân hàng bị lỗi không chuyển khoản được từ sáng
ChatGPT giúp mình viết email nhanh hơn hẳn
Điện thoại gập có bền không, mình đang phân vân
Pin sạc dự phòng này mang lên máy bay được không ạ
ổ cứng SSD lắp vào máy khởi động nhanh như chớp
Mình vừa mua bàn phím cơ, gõ sướng tay ghê
Nhớ bật xác thực hai lớp cho tài khoản để tránh bị hack
Màn hình 144Hz chơi game mượt thật
Cáp sạc mua ngoài hay bị hỏng, nên mua chính hãng
"""

_CLEAN_QUESTIONS_NEWS_TRAVEL = """
Cho mình hỏi làm căn cước công dân ở đâu nhanh nhất
Mọi người ơi thủ tục đổi bằng lái xe cần giấy tờ gì
Ai biết phòng khám nhi nào tốt ở Hải Phòng không ạ
Bài viết này nguồn ở đâu vậy bạn?
Có ai biết cách trị mụn ẩn hiệu quả không
Xin hỏi bảo hiểm y tế có chi trả khám răng không
Đi Phú Quốc tháng 6 có mưa nhiều không mọi người
Làm sao để con chịu ăn rau vậy các mẹ
ai có số điện thoại của ban quản lý chung cư cho mình xin
Tiếng Anh giao tiếp nên học ở đâu ạ
Gửi hàng ra Hà Nội bên nào rẻ mà nhanh
Có ai biết quán sửa xe đạp điện gần đây không
Câu này dịch sang tiếng Anh thế nào cho đúng nhỉ
Con 2 tuổi chưa biết nói có đáng lo không mọi người
Làm hộ chiếu online mất bao lâu vậy ạ
Đọc tin mà thương mấy em nhỏ vùng lũ, ai có kênh quyên góp uy tín không
Bắt được nhóm lừa đảo qua mạng rồi, mọi người cảnh giác nha
Thành phố sắp mở thêm công viên, tin vui cho dân khu này
Vụ cháy chung cư hôm qua thương tâm quá, cầu mong mọi người bình an
Tin này cần kiểm chứng thêm, đừng chia sẻ vội
Cuối cùng dự án đường sắt cũng được triển khai
Giải cứu thành công 2 ngư dân mắc kẹt ngoài khơi, cảm ơn lực lượng cứu hộ
Bệnh viện tuyến huyện được đầu tư máy móc mới, tốt cho bà con
Bạn nào ở gần khu vực sạt lở thì di dời sớm nhé
Xuất khẩu gạo năm nay tăng mạnh, đáng mừng
Cảnh báo: có người giả danh nhân viên điện lực gọi điện lừa tiền
Tin tốt: giá vé xe buýt cho học sinh được giảm
Đọc xong bài báo này thấy cần nâng cao ý thức bảo vệ môi trường
Các y bác sĩ trực chiến cả đêm, xin gửi lời cảm ơn
Xin thông tin chính thức chứ đừng đăng tin đồn
Hạ Long mùa này nước trong xanh, đi du thuyền đẹp lắm
Mình vừa đi Hội An về, phố cổ về đêm lung linh
Ai đi Côn Đảo rồi cho mình xin kinh nghiệm với
Homestay ở Mộc Châu view đồi chè đẹp mê
Đi Huế nhớ ăn cơm hến với bún bò nhé
Phú Quốc giờ nhiều resort quá, giá cũng mềm
Leo Fansipan bằng cáp treo mà vẫn mệt 😂
Đi phượt Hà Giang 4 ngày 3 đêm hết khoảng 3 triệu
Biển Quy Nhơn sạch và vắng, rất đáng đi
Lần đầu đi máy bay, hồi hộp quá trời
Ninh Bình mùa lúa chín đẹp như tranh
Mình đi Thái Lan tự túc 5 ngày, ai cần lịch trình thì hỏi nha
Du lịch Đà Nẵng nên ở khu nào cho tiện mọi người
Check-in cầu Vàng đông quá, chờ nửa tiếng mới chụp được
Cắm trại bên hồ Trị An cuối tuần, chill hết nấc
Khánh Hoà mùa này biển êm, lặn ngắm san hô đẹp lắm
Thời tiết Hòa Bình cuối tuần thế nào mọi người, định đi Mai Châu
"""

# Hard negatives: sensitive words (animals, regions, disability, LGBT, violence-as-idiom,
# second-person "mày/tao" between friends) used without insult.
_CLEAN_HARD_NEGATIVES = """
Con chó nhà mình dễ thương quá, thấy chủ về là vẫy đuôi 🐶
Bé mèo nhà mình hôm nay lười, nằm phơi nắng cả ngày
Nuôi chó Phú Quốc có khó không mọi người
Cho mình hỏi mèo bị nôn thì nên làm gì ạ
Lợn nhà bác mình năm nay được giá, bác vui lắm
Trang trại nuôi lợn sạch ở Đồng Nai, thịt thơm ngon
Con chó cỏ nhà mình khôn lắm, biết trông nhà
Chó cưng của mình mất rồi, buồn quá
Năm nay là năm con lợn hay con chó vậy mọi người
Tết này làm thịt lợn nhà nuôi, cả xóm sang phụ
Đàn vịt nhà ngoại có hơn trăm con, sáng nào cũng kêu inh ỏi
Khỉ ở Sơn Trà hay ra đường, mọi người đừng cho ăn nha
Trâu bò ở quê giờ ít dần, toàn máy cày
Chuột phá lúa nhiều quá, bà con có cách nào không
Con bò sữa này cho mỗi ngày 20 lít sữa, giỏi ghê
Người miền Bắc ăn phở hay cho thêm giấm tỏi, mình thấy cũng ngon
Người miền Nam hay để bình trà đá miễn phí trước quán, dễ thương ghê
Mình là người miền Trung, giọng hơi nặng nhưng ai cũng hiểu
Bệnh viện Bạch Mai hôm nay đông quá, chờ khám từ 6h sáng
Bệnh viện Tâm thần Trung ương có khám tư vấn tâm lý cho trẻ không ạ
Mình có em trai bị tự kỷ, gia đình luôn yêu thương em
Trường dạy trẻ khuyết tật ở quận mình làm rất tốt, cảm ơn các cô
Cộng đồng LGBT có quyền được tôn trọng như mọi người
Bạn mình là người đồng tính, sống rất tử tế và tình cảm
Chúc mừng hai bạn, tình yêu không phân biệt giới tính ❤️
Đồng bào dân tộc Mông ở Hà Giang rất hiếu khách
Chùa và nhà thờ ở phố này nằm cạnh nhau, yên bình lắm
Lễ Giáng sinh năm nay nhà thờ Đức Bà trang trí đẹp quá
Bạn mình người Thanh Hóa nói giọng dễ thương, tính lại hiền lắm
Người Nghệ An chịu khó, học giỏi, mình rất quý
Món chè kho của người Bắc khác chè miền Nam lắm
Bộ phim kể về người khiếm thính rất cảm động
Ở Sài Gòn lâu rồi nhưng vẫn nhớ giọng Nghệ quê mình
Mình bị cận nặng, đeo kính 6 độ mà vẫn phải nheo mắt
Chị gái mình làm nghề chăm sóc người khuyết tật, nghề cao quý
Tên gọi Bắc Kỳ, Trung Kỳ, Nam Kỳ trong sách sử là tên vùng thời Pháp thuộc
Ông bà mình di cư từ Bắc vào Nam năm 1954
Bác sĩ tâm thần không chỉ chữa bệnh nặng đâu, stress kéo dài cũng nên đi khám
Mạng xã hội nên có cách chặn bình luận kỳ thị vùng miền
Hãy báo cáo những bình luận xúc phạm người khác nhé mọi người
Đừng gọi ai là đồ ngu trên mạng, ai cũng có lúc sai
Phụ nữ bây giờ vừa đi làm vừa lo việc nhà, thật đáng nể
Đàn ông cũng nên chia sẻ việc nhà với vợ
Con gái học kỹ thuật giỏi không thua gì con trai
Thằng em mình năm nay đỗ đại học rồi, mừng ghê
Con bé nhà hàng xóm ngoan lắm, gặp ai cũng chào
Bọn trẻ con trong xóm rủ nhau đá bóng mỗi chiều
Mấy đứa bạn thân hồi cấp 3 vẫn giữ liên lạc tới giờ
Tao với mày chơi với nhau từ bé, giờ mày lấy vợ tao mừng lắm
Ê mày, mai đi cà phê không
Thằng bạn mình vừa mua xe mới, chở cả đám đi chơi
Bé nhà mình nghịch như quỷ nhỏ, nhưng thương lắm 😂
Con heo đất của con mình đầy rồi, mai mang ra ngân hàng
Mình mập lên 5kg sau tết, phải giảm cân thôi
Trò chơi cá sấu lên bờ hồi nhỏ vui ghê
Cà phê chồn có thật sự từ chồn không vậy mọi người
Chết cười với clip con mèo nhảy lên bàn phím 🤣
Nóng chết mất, ai cho mình xin cây kem với
Đói chết đi được, 2h chiều rồi chưa ăn trưa
Ôi trời, con chó con này giống hệt gấu bông
Giết thời gian bằng cách xem phim hài
Trận này đội mình hủy diệt đối thủ 5-0, quá đã
Ngày đầu đi làm mình ngơ ngác lắm, giờ thì quen rồi
Game này có boss Vua Lợn khó đánh ghê
Đọc truyện Chí Phèo thấy Nam Cao viết tâm lý nhân vật quá đỉnh
Sách tên nghe ghê nhưng nội dung bình thường, đừng trông mặt mà bắt hình dong
Cây xương rồng nhà mình nở hoa rồi
Dân quê như mình lên phố chưa quen, mà ai cũng tốt bụng
Người Hoa ở Chợ Lớn làm món mì vịt tiềm ngon tuyệt
Mấy đứa cháu về chơi, nhà cửa như bãi chiến trường mà vui
Đồ chơi chó mèo ở shop này bền không ạ, con Lu nhà mình cắn gì cũng rách
Thầy giáo dạy ngôn ngữ ký hiệu cho trẻ khiếm thính ở trường mình rất tận tâm
Tháng tự hào LGBT năm nay có nhiều hoạt động ý nghĩa
Hội chợ ẩm thực Bắc Trung Nam cuối tuần này ở công viên, mọi người ghé nha
Giọng Quảng nghe lạ tai nhưng thân thiện lắm
Bác sĩ bảo ông mình bị liệt nửa người sau tai biến, cả nhà thay nhau chăm
Đi khám ở bệnh viện Chợ Rẫy, bác sĩ nói chuyện nhẹ nhàng ghê
Đọc bài này mới biết người khuyết tật vẫn làm lập trình viên giỏi
Con mèo đen nhà mình tên là Mực, nghịch như giặc
Cún nhà mình biết bắt tay rồi nè 🐕
Bọn mình lập nhóm học chung, đứa nào cũng chăm
Đội bóng của làng vừa thắng giải huyện, cả làng mở tiệc
Học võ để tự vệ chứ không phải để đánh nhau nha các con
Mình dùng từ tao mày với bạn thân thôi, với người lạ thì không
Phim hành động này cảnh đánh nhau dàn dựng công phu ghê
Năm con chuột mình sinh ra, năm con rồng em mình sinh ra
Thịt heo quay da giòn rụm, chấm với nước mắm tỏi ớt
Chó nghiệp vụ của hải quan phát hiện ra hàng cấm, giỏi thật
Bạn trai mình người Bắc, mình người Nam, hai đứa hay cãi nhau vụ bánh chưng với bánh tét 😂
"""

_CLEAN_SLANG_SHORT_MIXED = """
Xịn xò quá, đỉnh của chóp luôn 👍
Bài này chất lừ, nghe cuốn ghê
Món này ngon hết nước chấm
Quá đã, cảm ơn ad chia sẻ
Trời ơi dễ thương xỉu 😍
Đỉnh thật sự, không còn gì để nói
Hay quá trời quá đất luôn
Chị đẹp xuất sắc, visual đỉnh cao
Ảnh chụp nghệ ghê, xin preset với
Ét o ét, ai cứu tôi khỏi deadline với 😭
Hết sảy con bà bảy
Bao ngon, bao rẻ, mua đi không hối hận
Ủa alo, thật hả trời 😳
Xỉu up xỉu down với độ đáng yêu của bé
Chuẩn không cần chỉnh
Mãi đỉnh 🔥🔥
Khum biết nói gì ngoài chữ đẹp
Hihi cảm ơn bạn nhiều nha
Oke luôn, hẹn gặp tối nay
Quá là ưng cái bụng
Vui xỉu, mai đi tiếp nha mấy bà
Đúng là chân ái của đời tôi
Trầm cảm vì hết tiền cuối tháng 😂
Báo thủ chính hiệu là đứa em mình, nhưng thương lắm
Hay quá
Cảm ơn ad
Đẹp quá
Xin giá ạ
Chấm hóng
Ib mình nha
Tuyệt vời 👍
Đã xem
Like mạnh
Đồng ý
Haha
Thương ghê
Chúc mừng nha
Ok bạn
Lên lên lên!
Ngon quá
Hóng tập sau
Tuyệt 😍
Góp gạo thổi cơm chung với ạ
Theo dõi page
Outfit hôm nay quá là slay luôn chị ơi
Deadline dí quá, weekend này lại OT rồi
Quán này vibe chill, nhạc acoustic nghe relax ghê
Team mình vừa close được deal lớn, happy quá
Nay mood không tốt, cần ai đó hug một cái
Mình đang làm freelance designer, ai cần thì inbox nha
Plan cuối tuần: sleep, eat, Netflix and repeat
Recommend mình vài quyển sách self-help hay với
Meeting online mà camera lag, awkward ghê
Skincare routine buổi tối của mình chỉ có 3 bước thôi
Trip Đà Lạt này worth it thật sự
Sếp mình rất supportive, làm việc thoải mái
Hôm nay gym leg day, đi không nổi luôn 😂
Cái app này UI đẹp nhưng UX hơi rối
Congrats bạn nhé, well deserved!
@Thu Trang ơi vào xem cái này nè, giống bà ghê 😂
@Minh Hoàng mai nhớ mang sạc cho tao mượn nha
Mọi người tham khảo thêm ở đây nhé: https://vnexpress.net
Link đăng ký sự kiện: https://forms.gle/abc123xyz nha mọi người
@Lan Anh tag vào đây để tối đi ăn
Chi tiết xem tại https://tuoitre.vn/ nhé, bài viết khá đầy đủ
@Quốc Bảo cuối tuần này đá bóng không
@Phương Linh nhớ đặt bàn cho 6 người nha
Full video ở kênh YouTube của mình, link ở bio
@Hải Đăng xem quán này được không, tối đi thử
"""

_CLEAN_COMPLAINTS_INFORMAL = """
Dịch vụ chăm sóc khách hàng phản hồi chậm quá, gọi 3 lần mới có người nghe
Hàng xóm hát karaoke tới 11h đêm, mong mọi người giữ trật tự giúp
Đợi xe buýt 40 phút mà không thấy, thất vọng thật
Mạng nhà mình yếu từ tuần trước, báo mãi chưa ai tới sửa
Quán tính tiền sai, lần sau mong kiểm tra kỹ hơn
Rác vứt bừa bãi ngoài công viên, nhìn buồn quá
Mua vé xem phim mà rạp hủy suất không báo trước
Chờ làm thủ tục ở phường cả buổi sáng, mong được cải thiện
Toà nhà thang máy hỏng 3 ngày rồi chưa sửa, ở tầng 15 khổ lắm
Đồ ăn giao tới thiếu món, mong quán kiểm tra lại
Khách sạn không giống ảnh, phòng hơi ẩm mốc
Phim dài quá, đoạn giữa hơi lê thê
Mình không đồng ý với quan điểm của bạn, nhưng tôn trọng ý kiến
Bài viết có nhiều lỗi chính tả, ad sửa giúp nhé
Lần này shop làm mình hơi thất vọng, hy vọng lần sau tốt hơn
Thay đổi lịch học sát giờ quá, sinh viên không kịp trở tay
Ứng dụng cập nhật xong khó dùng hơn, mong quay lại giao diện cũ
Trời nóng mà cúp nước cả ngày, khổ thật
Cảm thấy giá vé concert hơi cao so với chất lượng
Mình góp ý nhẹ: nhạc nền to quá át tiếng nói
hom nay troi dep qua di cafe thoi
ban oi cho minh hoi cai nay mua o dau vay
ko bt nay an j nua, goi y giup mk vs
mk dang o nha, chut nua qua nha bn nha
thang nay dang yeu ghe, hat hay qua troi
cam on ban nhieu nha, minh nhan dc hang r
bn oi size L con ko z
chuc mung sinh nhat ban nha, tuoi moi that nhieu niem vui
toi nay co ai di xem phim ko
hok bik nua, de mk hoi lai me r bao bn sau
dc r, mai 8h gap nhau o cong truong nha
mn oi cho e hoi duong ve Vung Tau di huong nao nhanh nhat
qua dep luon, chuc 2 ban hanh phuc
k sao dau, lan sau can than la dc
minh cx thich bai nay lam, nghe hoai ko chan
sao hnay mang lag the nhi
ae oi toi nay leo rank ko
ntn moi dung nhi, huong dan mk vs
nay ai di lam som z
e cam on chi nhieu a ❤️
tks ban, info huu ich ghe
co ai o gan Ho Tay ko, cho minh hoi quan an ngon
ra bai moi chua ad oi
trời ơi hnay nóng kinh, ra đường như cái lò
mk cx thấy v, phim này đáng xem
bn ơi đc giảm giá ko
ko sao đâu, từ từ rồi sẽ ổn thôi
sáng nay dậy muộn, chạy ko kịp xe buýt 😭
hnay ăn gì z mn
ok nha, tối gặp
đi học về mệt quá mn ơi
bt r, cảm ơn bn đã nhắc nha
ng ta nói đúng mà, mình cx nên xem lại
có j ib mình nha
thui kệ đi, mai tính tiếp
mk vừa đc lên lương hihi
để mk hỏi lại r báo sau nhé
QUÁ ĐỈNH LUÔN ANH EM ƠI
VIỆT NAM VÔ ĐỊCH 🇻🇳🇻🇳
CHÚC MỪNG NĂM MỚI CẢ NHÀ
SALE SỐC 50% CHỈ HÔM NAY
HAY QUÁ TRỜI ƠI
đẹp quáaaaa
ngon ghêeee, mai đi nữa nhaaa
yêu quáaa 😍
hóng quááá
Mình muốn chia sẻ chút kinh nghiệm thuê nhà ở Hà Nội: trước khi cọc nhớ xem kỹ hợp đồng,
  hỏi rõ giá điện nước, chụp lại hiện trạng phòng, và đừng ngại hỏi hàng xóm về chủ nhà.
  Chúc mọi người tìm được chỗ ưng ý.
Hôm nay đưa bố đi khám ở bệnh viện, từ sáng đến chiều mới xong. Nhân viên nhiệt tình,
  bác sĩ giải thích kỹ. Chỉ mong bệnh viện có thêm chỗ ngồi chờ cho người già,
  vì nhiều cụ phải đứng lâu lắm.
Sau 3 tháng chạy bộ mỗi sáng, mình giảm được 6kg, ngủ ngon hơn và ít cáu gắt hơn.
  Ai đang lười thì cứ bắt đầu từ 15 phút mỗi ngày thôi, quan trọng là đều đặn.
Cảm ơn anh tài xế taxi đã trả lại chiếc ví mình làm rơi trên xe. Trong ví có giấy tờ
  quan trọng, mình đã định đi làm lại từ đầu. Người tốt vẫn còn nhiều lắm.
Mình là sinh viên năm cuối, đang phân vân nên đi làm ngay hay học thạc sĩ.
  Ai từng trải qua cho mình xin lời khuyên với, mình học ngành kinh tế.
Review nhanh chuyến đi Sapa: xe giường nằm đi đêm khá ổn, homestay sạch, đồ ăn ngon
  nhưng hơi đắt. Nên mang áo ấm vì tối rất lạnh. Tổng chi phí 2 người khoảng 5 triệu.
Hôm qua mất điện cả khu, mấy nhà hàng xóm mang đèn pin, quạt tích điện ra ngồi nói
  chuyện với nhau. Tự nhiên thấy vui, lâu rồi mới có dịp như vậy.
Gửi chị chủ quán cơm đầu hẻm: cảm ơn chị đã luôn cho thêm cơm cho tụi sinh viên.
  Mấy năm đại học nhờ chị mà tụi em đỡ đói nhiều.
Mình không phải fan nhưng phải công nhận đội này đá tập thể rất tốt, pressing liên tục,
  chuyển trạng thái nhanh. Nếu giữ phong độ thì vào top 4 là chắc.
Chia sẻ cho ai cần: đơn đăng ký tạm trú giờ làm online trên cổng dịch vụ công được rồi,
  không cần lên phường, mình làm 2 ngày là xong.
"""

_OFFENSIVE = """
Đm thằng này nói chuyện như hạch
Ngu vãi, có thế mà cũng không biết
Câm mồm đi, không ai hỏi mày
Óc chó à, đọc kỹ lại đi rồi hãy cmt
Thằng điên, đi xe kiểu gì vậy
cút mẹ mày đi cho khuất mắt
vcl thật, ship 10 ngày chưa tới
Đéo hiểu sao có người xem được cái phim nhảm này
Mày bị ngu à, nói mãi không hiểu
Trọng tài mù à, thổi kiểu gì vậy
Thủ môn đứng như cái cột điện, nhìn bóng bay vào lưới 🙄
Đá như hạch, về quê chăn vịt đi
dm ship như cc, hàng bể hết
Shop lừa đảo, đồ như cái giẻ rách
Hát dở ẹc mà cũng đòi làm ca sĩ
Mặt dày thật sự, nói dối không chớp mắt
đồ mất dạy, nói chuyện với người lớn vậy à
Đồ khùng, ai mượn mày xen vào
Não tôm thì đừng có bình luận
Vãi cả l, giá này mà cũng dám bán
Thằng ngáo này lại lên mạng nói bậy
Ăn nói như thằng say rượu
Đúng là đồ dở hơi, nói chuyện chả đâu vào đâu
Mày thích thì tự đi mà làm, đừng có lải nhải
Lắm mồm vcl
Đm cay thế nhờ, thua trận cuối
Đcm game lag như shit
Học hành kiểu gì mà dốt thế
Ngu như bò mà cứ thích tỏ ra nguy hiểm
Thằng admin này bị thần kinh à, xóa cmt của tao hoài
Đồ hãm, đi chỗ khác chơi
Đọc cái cmt này mà muốn ói, trẩu vãi
Trẩu tre lên mạng làm loạn, về học bài đi
Ông nói gà bà nói vịt, đọc không hiểu gì thì im đi
Xạo l, làm gì có chuyện đó
Chém gió vừa thôi ba, nghe phát mệt
Diễn sâu vcl, ai tin nổi
Đồ ăn như cứt, trả tiền mà tiếc
vl thằng này chạy xe ẩu như điên
Đéo bao giờ mua lại shop này nữa
Ủa bị ngáo hả, đọc kỹ đề đi
Thôi mày im đi, nói nhiều đau đầu
Cái loại đi trễ mà còn lớn tiếng
Sếp gì mà đần độn, giao việc lung tung
Ngu thì ngồi im, đừng có cãi
Đọc cmt mấy thằng thanh niên nghiêm túc mà cười ỉa 🤣
Cái đồ ăn hại, suốt ngày ngồi chơi game
Má nó, xui như chó, vừa ra đường đã bể bánh
Con mẹ nó, mất điện đúng lúc đang tải game
Đệch, quên mang ví
Vãi chưởng, đẹp trai vl
Đẹp vl, xin info áo với
Hay vcl, nghe phê thật sự
Ngon vãi l, mai quay lại ăn tiếp
đỉnh vkl, out trình luôn
Giỏi vãi đái
Cười vỡ mồm 🤣🤣 thằng này lầy vl
Đm đẹp trai thế này ai chịu nổi
vl thật, giá vàng tăng kinh khủng
Đụ má nóng muốn xỉu
Thằng bạn tao ngu vãi, để quên điện thoại trên taxi
Mày là thằng hèn, có gan thì nói thẳng
Khôn như mày quê tao đầy
Giỏi quá ha, giỏi vậy sao không đi thi Olympia luôn đi
Nói chuyện như đúng rồi, biết cái gì mà nói
Thể loại gì mà IQ âm vô cực
Cái đầu để làm cảnh à
Học xong lớp 3 chưa mà lên đây dạy đời
Não để trưng bày hả bạn
Chắc bạn đọc hiểu không qua nổi bài tập lớp 1
Tưởng gì, hóa ra cũng chỉ là một đứa ăn bám
Anh lái xe chắc mua bằng trên mạng
Ý kiến của bạn quý như vàng, tiếc là vàng giả
Thôi về đi cưng, trình độ này thì ra chợ bán rau
Hát thế này thì karaoke xóm còn hay hơn, đừng làm khổ tai người nghe
Đã xấu còn hay làm màu
Mặt như cái mâm, bày đặt sống ảo
Con này xấu mà còn chảnh
Thằng này ảo tưởng sức mạnh vl
Bớt sống ảo đi bạn, nhìn mà ngứa mắt
Cmn lại bị trừ lương
Dcm shipper bom hàng
Đkm nó, đợi 2 tiếng không ai nghe máy
Clgt, sao cái app lỗi hoài vậy
Vkl, mới mua 1 tuần đã hỏng
Đm mày đi đâu mà giờ mới về
Cái thằng cha này bị dở người à
Im mẹ mồm đi
Nói láo, đừng có mà lừa người ta
Mày láo vừa thôi
Đồ vô học, ăn nói mất lịch sự
Thằng này ngu bẩm sinh rồi, cứu không nổi
Xàm l, bịa chuyện vừa thôi
Đm bố láo
Bố mày nói cho mà biết, đừng có lôi thôi
Cút, không tiếp loại như mày
Mày là cái thá gì mà lên đây phán xét
Thằng khốn, mượn tiền không trả
Đồ lừa đảo, trả tiền cho tao
Cái đồ vô dụng, có mỗi việc cũng làm không xong
Tao nói mày nghe không hả thằng ngu
Đọc xong muốn đấm vào mặt thằng viết bài 😡
Trời ơi ngu gì đâu
Ngu lâu dốt bền khó đào tạo
Cái loại đầu đất
Đầu óc bã đậu
Đồ ngốc, làm hỏng hết rồi
Rảnh háng quá nên lên mạng chửi người khác à
Nhìn cái mặt là thấy đáng ghét
Thằng cha bán hàng láu cá, cân điêu
Mẹ kiếp, lại mưa đúng giờ tan làm
Đệt mợ, kẹt xe 2 tiếng
Đù má, thua ngược phút bù giờ
Chó thật, lại thua
Quá ngu, chuyền bóng cho đối thủ
Hậu vệ đá như mơ ngủ, đuổi hết đi
HLV ngu như bò, thay người như hạch
Tiền đạo gì mà sút không trúng khung thành, đá như trẻ trâu
Game thủ gì mà gánh team không nổi, feed như điên
Thằng rừng ngu vl, không gank lane nào
Report thằng AD đi, phá game
Đm team feed liên tục, chơi như hạch
Noob vl mà cũng đòi lên rank
Rác rưởi, gỡ game đi cho rồi
Thằng streamer này chửi bậy quá, nói chuyện như côn đồ
Bọn hacker chó chết, hack mất acc của tao
Nhà phát hành ăn hại, sửa lỗi mãi không xong
Dcm nạp tiền xong bị khóa acc
Shop bán hàng như lừa, đồ dởm mà giá cắt cổ
Shop láo toét, nhắn tin không trả lời còn block
Mua phải cái áo như giẻ lau nhà, đồ lừa đảo
Đm shipper ném hàng như ném rác
Trả lời khách như thế à, đồ vô văn hoá
Hàng fake mà dám ghi chính hãng, mặt dày vl
Ai mua shop này thì xác định ăn cứt nhé
Nhân viên thái độ như cc
Phục vụ như hạch, lần sau đéo đến nữa
Quán ăn bẩn vl, tìm thấy tóc trong bát
Chủ quán mặt hãm, khách hỏi mà không thèm trả lời
Nấu ăn như hạch mà giá cắt cổ
Đi đường không nhìn à, mù hả
Thằng xe ôm lạng lách như điên, muốn chết à
Lái ô tô như thằng say, xém tông vào tao
Đéo bật xi nhan mà rẽ ngang, ngu vãi
Đỗ xe kiểu này thì đúng là não bò
Bấm còi inh ỏi, bị điên à
Mấy thằng đua xe ban đêm, ồn vl
Thằng hàng xóm hát karaoke như bò rống
Nhà bên cạnh sáng nào cũng cãi nhau, điếc cả tai, im mẹ đi
Con mụ bán rau điêu toa
Thằng em tao lười như hủi
Bà chị dâu nhiều chuyện vãi
Lão sếp keo kiệt, thưởng tết có hộp bánh
Học sinh gì mà láo với thầy cô, đồ mất dạy
Giảng viên gì mà chấm điểm như hạch
Thằng lớp trưởng hách dịch, tưởng mình là ai
Nhóm trưởng vô dụng, cả nhóm gánh còng lưng
Bài thi khó vcl, làm được có 2 câu
Đề thi như cc, ra toàn ngoài chương trình
Trường đéo gì mà thu phí lắm thế
Đồ mọt sách lập dị
Thời tiết như l, lúc nắng lúc mưa
Nóng vl, chảy mỡ luôn
Mưa gì mà mưa lắm thế, đm
Rét vãi chưởng
Điện thoại như cục gạch, dùng 1 tháng đã lag, hãng làm ăn như hạch
Hãng điện thoại lừa đảo, pin chai như shit
Cái laptop dởm vl
Mạng như hạch, load mãi không xong
Nhà mạng đéo có trách nhiệm
App ngu vl, update xong mất dữ liệu
Đứa nào thiết kế cái giao diện này chắc não úng nước
Thằng hacker khốn nạn hack mất nick của tao
Mày ăn nói cho cẩn thận
Cmt như đấm vào mặt người đọc
Ngu mà còn tỏ ra nguy hiểm
Thứ gì đâu mà lố bịch
Loại người như mày chỉ giỏi sống ảo
Mắc mệt với mấy người ba phải, nói như không nói
Đồ nhiều chuyện, lo chuyện nhà mày đi
Hóng hớt vừa thôi, bà tám
Thằng bồ cũ khốn nạn, cắm sừng tao
Con bồ cũ láo vl, block hết mọi nơi
Đúng là đồ sở khanh
Anh ta là đồ hèn, không dám nhận lỗi
Thằng lừa đảo, cả làng ai cũng biết
Diễn viên đóng như khúc gỗ, đơ vl
Phim nhảm vl, phí 2 tiếng đời tôi
Kịch bản như shit, xem muốn ói
MC dẫn dở tệ, nói nhảm như thằng hề
Ca sĩ hát phô vcl, tắt tivi luôn
Fan cuồng não tàn, động tí là công kích người khác
Bọn antifan rảnh háng
Idol gì mà như con búp bê nhựa, chẳng có tài gì
Rap như đọc sớ, nghe nhức đầu
Hài nhạt vl, không cười nổi
Đừng có xàm nữa, nghe phát bực
Tin vịt mà cũng share, ngáo à
Đúng là đồ đạo đức giả
Mày bị điên à mà đăng cái này
Thằng này hâm hâm dở dở
Tao không thèm chấp loại như mày
Thôi đi ông tướng, nói ít thôi
Đồ ba hoa khoác lác
Biến đi cho nước nó trong
Đm mẹ nó
Đ** hiểu kiểu gì
thang nay ngu qua
dm may noi linh tinh vua thoi
vcl that su, ship cham vai ca l
deo hieu sao co nguoi tin
cam mom di may
oc cho a, doc lai di
thang dien nay bi lam sao the
ngu vl, so sanh kieu gi vay
cut di cho khuat mat tao
may bi ngao a
xao l vua thoi
dell thich thi bien
dcm game nhu cc
nhin mat ham vl
m ngu vl, nói mãi ko hiểu
đm t nói r mà ko nghe
bn bị j z, đầu óc có vấn đề à
t đ** thèm nói nữa
ng j đâu mà láo toét
clgt, m hack à
thằng kia ntn z, bị ngáo đá à
hok bik j thì câm mồm
m cút đi, tao ko cần
đm cx đc, ngon vl
dm con game ngu vcl
vl mk đi nhầm đường mất 1 tiếng
ngu ko ai bằng
CÂM MỒM ĐI
ĐỒ NGU
CÚT ĐI THẰNG ĐIÊN
ĐM SHOP LỪA ĐẢO
nguuuu quáaaa
đm cay vãiiiii
đ.é.o hiểu nổi
d.m thằng này
v.c.l thật
đ*t mẹ lag quá
c.l gì vậy
@Tuấn Anh mày ngu vừa thôi
@Đức Huy thằng này lầy vl 😂
@Mai Hương con này hãm vãi
mày stupid vl, đọc kỹ lại đi
wtf thằng này, shut up đi
what the hell, đm ship 2 tuần
loser thì mãi là loser
Clown vl, đăng cái gì vậy
Trình độ này mà đi thi chắc giám khảo khóc
Bạn nói đúng lắm, đúng như cái đồng hồ chết ngày đúng hai lần
Dạ vâng, chuyên gia mạng nói gì cũng đúng ạ 🙄
Hèn gì ế tới giờ, tính cách vậy ai chịu nổi
Nhìn mặt là biết thiếu muối i-ốt
Thông minh đột xuất ghê ta, chắc hôm nay được đi học
Ăn nói như cái loa phường hỏng, ồn mà chẳng ai nghe
Mình góp ý thật lòng nhé, bạn viết bài thì ít nhất cũng phải kiểm tra thông tin,
  chứ đăng bừa như thế này thì đúng là ngu hết phần thiên hạ, đọc xong mất cả buổi sáng.
Đặt đồ ăn từ 11h mà 1h chiều mới tới, gọi cho quán thì con nhân viên nói giọng khinh khỉnh,
  đồ ăn thì nguội ngắt. Đéo bao giờ đặt lại nữa, ai định ăn thì né giùm.
Đi làm cả tháng mà lão sếp cứ tìm cách trừ lương, hỏi thì bảo quy định công ty.
  Đồ keo kiệt bủn xỉn, tao nghỉ cho mày tự làm.
Xem hết trận mà tức, thằng tiền đạo số 9 bỏ lỡ 3 cơ hội mười mươi, đá như người mới tập.
  Ngu vãi, về đội trẻ mà học lại đi.
Ông hàng xóm chiều nào cũng đốt rác, khói bay sang cả nhà tao. Nói mãi không nghe,
  đúng là loại mặt dày, lì như trâu.
"""

_HATE = """
Bắc kỳ toàn lũ ăn cắp, đi đâu cũng phải giữ ví
Nam kỳ lười biếng, chỉ biết ăn nhậu
Bọn parky đi đâu cũng gây chuyện
Dân Thanh Hoá ăn cướp, không tin được đứa nào
Trung kỳ rặt một lũ keo kiệt, sống như chuột
Dân Nghệ An chỉ giỏi đi ăn trộm
Bắc cụ rởm đời, nói giọng thì như chó sủa
Đuổi hết lũ bắc kỳ về quê, Sài Gòn không chào đón
Nam kỳ ngu dốt, suốt ngày nhậu với hát karaoke
Dân miền Tây nghèo mà lười, đáng đời
Người miền Trung gian như rắn
Tụi dân quê lên thành phố làm bẩn đường phố
Dân Hà Nội toàn loại giả tạo, khinh người
Dân Sài Gòn chảnh chó, toàn lũ ăn chơi
Ghét bọn Thanh Hóa, đi đâu cũng thấy lừa đảo
Thằng này chắc bắc kỳ rồi, nhìn mặt là biết gian
Bọn hai lúa ngu si, ra thành phố chỉ làm ô sin
Bắc kỳ chó, cút về miền Bắc
Nam kỳ mọi rợ
Dân vùng này toàn lũ súc vật, chẳng biết luật lệ gì
bac ky an cap, di dau cung phai de phong
nam ky luoi nhu heo
bọn parky về quê hết đi
BẮC KỲ CÚT VỀ
b.ắ.c k.ỳ toàn lừa đảo
Bọn bê đê bệnh hoạn, tránh xa con tôi ra
Pê đê là trái tự nhiên, phải đem đi chữa
Thằng này bóng lộ, nhìn ghê tởm
Xăng pha nhớt thì đừng có lên tivi làm hư trẻ con
Đồng tính là bệnh, nên cấm hết
Bọn les toàn thiếu đàn ông, biến thái
Ghê tởm mấy thằng ái nam ái nữ
Lũ bê đê nên bị đuổi khỏi công ty
Đồ pê đê, đừng có lại gần tao
Mấy con chuyển giới toàn là quái vật
Ba đê thì chết đi cho sạch xã hội
be de ghe tom
bọn bede cút ra khỏi đây
Thằng bóng này nên bị đánh cho tỉnh ra
LGBT toàn lũ bệnh hoạn phá hoại gia đình
Đàn bà ngu thì chỉ nên ở nhà đẻ con
Phụ nữ lái xe là thảm họa, cấm hết cho rồi
Con gái học làm gì, sau này cũng đi lấy chồng làm ô sin
Đàn bà tóc dài não ngắn
Bọn đàn ông toàn lũ chó, không tin được thằng nào
Gái thời nay đứa nào cũng đào mỏ, toàn lũ hám tiền
Phụ nữ làm sếp thì chỉ có ngủ với sếp trên mà lên
Đàn bà không đẻ được con trai là đồ bỏ đi
Con đĩ này mặc như vậy thì bị sàm sỡ là đáng đời
Mấy con mẹ bỉm sữa não cá vàng, suốt ngày lên mạng khoe con
Thằng đàn ông không kiếm ra tiền là đồ vô dụng, nên chết đi
Gái miền Tây toàn đi làm gái
Đàn bà mà đòi bình đẳng, về nấu cơm đi
Bọn phụ nữ đều là lũ ngu, chỉ biết mua sắm
Con gái gì mà như con lợn nái, béo ục ịch
Bọn tàu khựa bẩn thỉu, đuổi hết về nước
Lũ khựa ăn gì cũng được, đúng là súc vật
Người dân tộc thiểu số mọi rợ, không biết văn minh là gì
Bọn mọi trên núi chỉ biết uống rượu
Bọn Miên nghèo đói, sang đây ăn bám
Mấy thằng da đen trông như khỉ
Thằng Nhật lùn khốn nạn
Lũ Tây ba lô ăn xin, cút về nước
Người Hoa gian như cáo, đừng làm ăn với bọn nó
Dân Ấn Độ bẩn, hôi như cống
tau khua cut ve nuoc
Bọn mọi rợ ở vùng cao nên bị đuổi vào rừng
Con nhỏ này da đen như cột nhà cháy, lai giống gì
Thằng con lai nhìn như con khỉ
Bọn theo đạo toàn lũ cuồng tín, đầu óc bị tẩy não
Lũ đạo Hồi khủng bố, cấm hết
Sư hổ mang toàn là lũ lừa đảo ăn bám
Bọn Công giáo đi đâu cũng đòi đất
Đạo gì mà toàn lũ ngu tin, đốt hết chùa đi
Mấy bà đi chùa toàn mê tín ngu muội
Dân theo Tin Lành là phản bội tổ tiên, nên đuổi khỏi làng
Đồ tàn tật thì ở nhà, ra đường làm gì cho vướng
Thằng thiểu năng này nên bị nhốt lại
Con câm điếc này không hiểu tiếng người
Đồ què, đi đứng như con cua
Đứa tự kỷ thì đừng cho đi học chung với con tôi, bọn nó như thú hoang
Thằng mù đấy đáng bị như vậy
Người khuyết tật là gánh nặng xã hội
Đồ down, đần như lợn
con nho bi bai nao nay chet di cho roi
thằng ngọng líu lo như con khuyết tật
Mày là con chó, sống không bằng con vật
Đồ súc vật, không đáng làm người
Loại người như mày là giòi bọ của xã hội
Mặt mày như con lợn, béo ú
Thằng này là con chó ghẻ, đi đâu cũng bị đuổi
Lũ ăn bám như đỉa, nên bị tiêu diệt
Con khỉ này cũng đòi làm người
Đồ chó má, cả nhà mày là chó
Bọn shipper toàn lũ súc vật
Lũ fan K-pop não tàn như đàn cừu, đáng bị đập
Thằng HLV này là con lợn, đuổi nó đi
Cả đội bóng toàn lũ chó, thua là đáng
Bọn nhà giàu toàn lũ hút máu, đáng bị đem ra xử
Nhà giàu mới nổi toàn lũ trọc phú súc vật
Bọn nghèo toàn lũ ăn bám, chết đói là phải
Người già lên mạng toàn lũ lẩm cẩm, chết sớm cho xã hội nhẹ gánh
Bọn trẻ trâu là lũ ký sinh trùng
Dân nhậu toàn lũ lợn
Mấy con lợn béo phì thì đừng ăn nữa
May la con cho, cut
do suc vat
thằng chó này, mày là lợn à
ĐỒ SÚC VẬT
mày là thứ cặn bã, không bằng con chó
Loại như mày đáng bị ném vào chuồng lợn
Tao mà gặp mày ngoài đường tao đánh chết
Coi chừng tao đốt nhà mày
Biết nhà mày ở đâu rồi, tối nay tao qua xử
Tao sẽ giết mày
Ra đường cẩn thận, tao cho người chém mày
Đi chết đi
Mày chết đi cho rảnh nợ
Cả nhà mày chết hết đi
Thằng tài xế đó nên bị treo cổ
Tụi mày liệu hồn, tao mà biết đứa nào tao chặt tay
Tạt axit vào mặt con đó cho nó chừa
Ai biết nhà thằng này ở đâu, anh em đến đập nó
Tao sẽ tìm ra mày, chờ đấy
Đánh cho nó tàn phế luôn
Cho nó một dao cho xong
Mày mà còn nói nữa thì tao cắt lưỡi
tao giet may
di chet di thang cho
tối nay anh em tập trung, đập chết thằng đó
Phải đem bọn này ra bắn hết
Giết hết bọn lừa đảo đó đi
Tao đâm chết mày bây giờ 🔪
Ra ngoài mà gặp thì xác định nằm viện
Đốt hết cái shop lừa đảo này đi, cả chủ lẫn nhân viên
Nhà mày ở ngõ 12 phải không, đợi đấy
Tìm ra nhà nó rồi anh em, share mạnh cho cả nước biết mà xử
Con này đáng bị đánh hội đồng
Đồ con đĩ, mặt dày đi cướp chồng người ta
Con điếm rẻ tiền, đi bán thân còn bày đặt
Mẹ mày đẻ ra mày đúng là sai lầm
Đm cả lò nhà mày, đồ mất dạy
Đụ má cả họ nhà mày
Địt mẹ mày, loại chó
Bố mẹ mày không biết dạy con, cả nhà toàn lũ rác rưởi
Con mẹ mày chết rồi hả mà dạy mày như vậy
Mày nên chết từ trong bụng mẹ
Thứ con hoang không cha
Đồ đĩ thõa, ngủ với cả xóm
Mặt như cái l, cả họ mày đều xấu
Cái loại mồ côi không ai dạy
Thằng ranh con mất dạy, tao mà là bố mày tao đánh chết
Loại như mày sống chỉ tốn cơm, chết đi cho nhẹ đất
Đồ bệnh hoạn, tởm lợm
Tổ cha mày, đồ súc sinh
Đm thằng chó chết
Con chó cái này
Đồ khốn nạn, mày sống thế không sợ quả báo à, cả nhà mày sẽ chết thảm
Con đĩ này nhìn là biết đi khách
vcl con dở hơi này đi chết đi
dit me may thang oc cho
d.i.t m.e may
đ*t mẹ thằng súc vật
ĐỊT MẸ MÀY
@Ngọc Ánh con đĩ này cướp chồng tao
@Quang Minh mày chờ đấy, tao biết nhà mày rồi
Trọng tài súc vật, về nhà cẩn thận đấy
Fan đội bạn toàn lũ lợn, gặp đâu đánh đó
Thằng thủ môn đó bán độ, phải cho nó ăn đạn
Bọn Thái Lan chơi bẩn như chó
Bọn Indo đá như súc vật, toàn đạp người
Thằng gamer đó là con chó, tao sẽ tìm ra nhà nó
Bọn trẻ trâu chơi game nên bị nhốt chuồng như lợn
m là con chó, cút khỏi group
bọn bđ này ghê vl
tụi pd ghê tởm, chết hết đi
gái thanh hóa đi làm gái hết rồi
thằng nào bắc kỳ vào đây t chửi hết
nam kỳ ăn hại, ng j đâu mà lười như hủi
bọn dân tộc ăn bám nhà nước
k có đứa tàn tật nào làm được việc j
mấy thằng khuyết tật nên ở nhà, ra đường chỉ tổ vướng
thằng què, đi bằng 4 chân như chó
Gay is a disease, bọn này nên bị cấm
Bọn parky đúng là trash of society
fucking bắc kỳ, go home
Con điếm this, đi chết đi
Nói thật chứ khu trọ tôi toàn người ngoài Bắc vào, bọn bắc kỳ này đứa nào cũng gian,
  nợ tiền nhà không trả, ồn ào suốt đêm. Chủ trọ nào có kinh nghiệm thì đừng cho bọn nó thuê.
Thời buổi gì mà bê đê lên tivi đầy rẫy, con nít xem rồi bắt chước. Nhà nước nên cấm hết
  mấy cái loại bệnh hoạn này, nhìn mà muốn ói.
Thằng hàng xóm nhà tao suốt ngày say xỉn, đánh vợ con. Loại súc vật như nó không đáng sống,
  có ngày tao cho nó một trận nằm liệt giường.
Con nhỏ đó quen bạn trai tao rồi còn lên mạng đăng ảnh khoe, đồ đĩ rẻ rách.
  Tao mà gặp thì tao xé mặt nó ra cho cả trường xem.
Bọn miền núi về xuôi toàn đi ăn xin, nhìn ghê
Dân Hà Tĩnh keo kiệt như chó giữ xương
Người Huế ăn nói giả tạo, cả lũ sống hai mặt
Thằng này giọng Nghệ nghe như chó sủa
Lũ dân tỉnh lẻ lên Hà Nội chỉ tổ làm kẹt xe, đuổi hết về
Cấm bọn bắc kỳ thuê nhà ở đây
Tuyển nhân viên thì đừng nhận bọn Thanh Hóa, Nghệ An, toàn lũ gian
Bọn nhập cư ngoại tỉnh toàn trộm cắp, đuổi ra khỏi phường
Đàn bà đi xe máy như lũ điên, nên cấm hết
Mấy con mập như heo còn bày đặt mặc bikini
Thằng lùn như con chuột cống mà cũng đòi yêu
Đồ mặt rỗ như con cóc ghẻ
Bọn béo phì là lũ lợn tham ăn
Người già tốn cơm, nên tống hết vào viện cho khuất mắt
Bọn nhiễm HIV toàn là đồ bẩn, phải cách ly hết
Đồ bị tâm thần, nhốt vào trại đi
Bọn bị thần kinh nên bị xích lại như chó
Con nhỏ bị sứt môi xấu như quỷ
Lũ bán vé số ăn xin, nhìn là muốn đạp
Bọn ăn mày bẩn thỉu, đuổi khỏi thành phố
Dân lao động chân tay thì ngu, đáng bị bóc lột
Mấy đứa con nhà nghèo không xứng học trường này, toàn lũ hạ đẳng
Lũ người Hoa chiếm đất, phải đuổi hết
Lũ Hàn xẻng mặt nhựa
Thằng Tây đen kia nhìn như con tinh tinh
Bọn Khơ-me đen đúa mọi rợ
Tụi bê đê đi diễu hành nên bị ném đá
Đánh chết mấy thằng bóng cho nó hết bệnh
Thấy đứa nào đồng tính là tao đấm
Bọn les thì cứ cho đi cải tạo
Mấy con chuyển giới giả gái lừa đàn ông, đồ bệnh
Con gái bị hiếp là do ăn mặc hở hang, đáng đời
Vợ không nghe lời thì cứ đánh cho biết thân
Đàn bà là giống hạ đẳng
Con gái đẻ ra chỉ tổ tốn cơm, đem cho đi
Bọn đàn ông Việt toàn lũ vũ phu, nhậu nhẹt, vô dụng
Đám con trai nhuộm tóc xăm trổ toàn lũ côn đồ, nên bắn bỏ
Thằng mù mà cũng bày đặt hát, cút về đi ăn xin
Đồ thiểu năng trí tuệ, đẻ ra đã hỏng
Mấy đứa down nên bị cách ly
Thằng câm đó như con vật, chỉ biết ú ớ
Mày đúng là thứ tật nguyền cả thể xác lẫn đầu óc
Thằng chột mắt nhìn gớm vl
Sư sãi toàn lũ lừa tiền, ăn bám xã hội
Bọn đi nhà thờ toàn lũ giả tạo, đốt hết
Lũ cuồng đạo nên bị tiêu diệt
thằng cha này bị tâm thần, nên nhốt vào chuồng
con mụ này nên bị ném đá cho chết
tao sẽ cho mày biết tay, đợi đấy con chó
con chó kia m chết chắc r
ra đường gặp thì đâm cho 1 nhát
bon tau khua an cap, giet het
bê đê đáng bị ném xuống sông
Mày ra đây tao xử đẹp, thằng súc sinh
lũ bắc kỳ rau muống toàn ăn bẩn ở bẩn
bọn nam kỳ ăn hại đái nát
Người Tày, người Nùng gì cũng là lũ mọi, thua xa người Kinh
Bọn dân tộc đẻ lắm như lợn
"""

BASE_BLOCKS: dict[str, tuple[str, ...]] = {
    "CLEAN": (
        _CLEAN_SPORT_FOOD,
        _CLEAN_SHOWBIZ_TRAFFIC,
        _CLEAN_SHOP_GAME,
        _CLEAN_LIFE_SCHOOL,
        _CLEAN_PRICE_WEATHER_TECH,
        _CLEAN_QUESTIONS_NEWS_TRAVEL,
        _CLEAN_HARD_NEGATIVES,
        _CLEAN_SLANG_SHORT_MIXED,
        _CLEAN_COMPLAINTS_INFORMAL,
    ),
    "OFFENSIVE": (_OFFENSIVE,),
    "HATE": (_HATE,),
}

# --------------------------------------------------------------------------- variants

_EMOJI: dict[str, tuple[str, ...]] = {
    "CLEAN": ("👍", "❤️", "😍", "🥰", "😂", "👏", "🙏", "😊", "🤣", "😅", "🔥", "💯", "😭", "🙄"),
    "OFFENSIVE": ("😂", "🤣", "🙄", "😡", "🤬", "💩", "😒", "🖕", "😤"),
    "HATE": ("🤬", "😡", "💩", "🤮", "👎", "😤", "🖕", "😂"),
}

_MENTIONS = (
    "@Tuấn Anh",
    "@Minh Hoàng",
    "@Thu Trang",
    "@Hải Đăng",
    "@Lan Anh",
    "@Quốc Bảo",
    "@Phương Linh",
    "@Đức Huy",
    "@Mai Hương",
    "@Bảo Ngọc",
    "@Trung Kiên",
    "@Thanh Hà",
)

# (pattern, replacements); applied to lower-cased whole words, each hit with probability 0.7.
_TEENCODE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mọi người", ("mn", "mng", "mọi ng")),
    ("anh em", ("ae",)),
    ("thế nào", ("ntn",)),
    ("không", ("ko", "k", "hok", "khum", "kh")),
    ("được", ("dc", "đc", "dk")),
    ("gì", ("j", "gi")),
    ("với", ("vs", "vs", "voi")),
    ("người", ("ng",)),
    ("mình", ("mk", "mik", "mìn")),
    ("bạn", ("bn", "b")),
    ("vậy", ("z", "v", "dợ")),
    ("rồi", ("r", "ròi")),
    ("cũng", ("cx", "cũm")),
    ("biết", ("bt", "bik", "bít")),
    ("quá", ("wá", "qá", "quớ")),
    ("yêu", ("iu",)),
    ("thôi", ("thui",)),
    ("chồng", ("ck",)),
    ("vợ", ("vk",)),
    ("tao", ("t",)),
    ("mày", ("m", "mài")),
    ("hôm nay", ("hnay", "nay", "hum nay")),
    ("như", ("nhu",)),
    ("thật", ("thiệt",)),
    ("trước", ("trc",)),
    ("bây giờ", ("bh", "bjo")),
    ("nhé", ("nhá", "nha")),
    ("ạ", ("ạk", "ak")),
    ("vãi lồn", ("vl", "vcl", "vkl")),
    ("đéo", ("đếch", "đell", "dell")),
)

# Masks for swear words and slurs, as people write them to slip past filters.
_MASKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("đéo", ("đ.é.o", "đ**", "đ3o", "d.e.o", "đ-é-o")),
    ("địt", ("đ*t", "đ.ị.t", "djt", "đ!t")),
    ("lồn", ("l*n", "l.ồ.n", "lìn")),
    ("cứt", ("c*t", "c.ứ.t")),
    ("đcm", ("đ.c.m", "đ*m")),
    ("dcm", ("d.c.m", "d*m")),
    ("đm", ("d.m", "đ.m", "đ*")),
    ("dm", ("d.m", "d*")),
    ("vcl", ("v.c.l", "v**", "vc*")),
    ("vkl", ("v.k.l", "v**")),
    ("vl", ("v.l", "v*")),
    ("vãi", ("v**", "v.ã.i", "vãiii")),
    ("cc", ("c.c", "c*")),
    ("cl", ("c.l", "c*")),
    ("clgt", ("c.l.g.t", "cl*t")),
    ("chó", ("ch*", "c.h.ó", "chóoo")),
    ("súc vật", ("s.ú.c v.ậ.t", "súc v*t", "sv")),
    ("bắc kỳ", ("b.ắ.c k.ỳ", "bắc k*", "bắc kì", "bk")),
    ("nam kỳ", ("n.a.m k.ỳ", "nam k*", "nam kì")),
    ("bê đê", ("b.ê đ.ê", "bê-đê", "b3 đ3")),
    ("pê đê", ("p.ê đ.ê", "pê-đê")),
    ("đĩ", ("đ*", "đ.ĩ", "dĩ")),
    ("điếm", ("đ*ếm", "đ.i.ế.m")),
    ("ngu", ("n.g.u", "ng*", "nguuu")),
    ("óc chó", ("óc ch*", "ó.c c.h.ó")),
    ("câm mồm", ("c*m mồm", "câm m*m")),
    ("cút", ("c.ú.t", "c*t")),
    ("khựa", ("kh*a", "k.h.ự.a")),
    ("giết", ("g.i.ế.t", "gi*t")),
    ("chết", ("ch*t", "c.h.ế.t")),
)

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng


def parse_block(block: str) -> list[str]:
    """Split a text block into posts; two-space-indented lines continue the previous post."""
    posts: list[str] = []
    for line in block.splitlines():
        if not line.strip():
            continue
        if line.startswith("  ") and posts:
            posts[-1] = f"{posts[-1]} {line.strip()}"
        else:
            posts.append(line.strip())
    return posts


def strip_diacritics(text: str) -> str:
    """Remove all Vietnamese tone and vowel marks ("Đà Nẵng" -> "Da Nang")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept)


def _move_tone(syllable_pair: str, to_second: bool) -> str:
    """Move the tone mark of a two-vowel nucleus (oa, oe, uy) to the other vowel."""
    first, second = syllable_pair[0], syllable_pair[1]
    d_first = unicodedata.normalize("NFD", first)
    d_second = unicodedata.normalize("NFD", second)
    if to_second:
        tone = "".join(ch for ch in d_first if ch in _TONES)
        base_first = "".join(ch for ch in d_first if ch not in _TONES)
        new_second = d_second + tone
        return unicodedata.normalize("NFC", base_first + new_second)
    tone = "".join(ch for ch in d_second if ch in _TONES)
    base_second = "".join(ch for ch in d_second if ch not in _TONES)
    return unicodedata.normalize("NFC", d_first + tone + base_second)


_OLD_STYLE = re.compile(r"[òóỏõọ][ae]\b|(?<![qQ])[ùúủũụ]y\b")
_NEW_STYLE = re.compile(r"o[àáảãạèéẻẽẹ]\b|(?<![qQ])u[ỳýỷỹỵ]\b")


def swap_tone_style(text: str) -> str:
    """Switch between old ("hòa", "thủy") and new ("hoà", "thuỷ") tone placement."""
    swapped = _OLD_STYLE.sub(lambda m: _move_tone(m.group(0), to_second=True), text)
    if swapped != text:
        return swapped
    return _NEW_STYLE.sub(lambda m: _move_tone(m.group(0), to_second=False), text)


def _word_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE)


_TEENCODE_RE = tuple((_word_pattern(p), reps) for p, reps in _TEENCODE)
_MASK_RE = tuple((_word_pattern(p), reps) for p, reps in _MASKS)


def _substitute(
    text: str,
    table: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...],
    rng: random.Random,
    prob: float,
) -> str:
    for pattern, replacements in table:

        def pick(match: re.Match[str], reps: tuple[str, ...] = replacements) -> str:
            return rng.choice(reps) if rng.random() < prob else match.group(0)

        text = pattern.sub(pick, text)
    return text


def teencode(text: str, rng: random.Random) -> str:
    """Replace common words with chat abbreviations (không -> ko, được -> đc, ...)."""
    return _substitute(text.lower() if rng.random() < 0.6 else text, _TEENCODE_RE, rng, 0.7)


def mask_swears(text: str, rng: random.Random) -> str:
    """Obfuscate swear words and slurs with dots and asterisks."""
    return _substitute(text, _MASK_RE, rng, 0.85)


def add_emoji(text: str, rng: random.Random, label: str) -> str:
    pool = _EMOJI[label]
    emoji = rng.choice(pool) * rng.choice((1, 1, 2, 3))
    if rng.random() < 0.15:
        return f"{emoji} {text}"
    return f"{text.rstrip()} {emoji}"


_VOWELS = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_LAST_VOWEL = re.compile(rf"([{_VOWELS}])(?=\W*$)", re.IGNORECASE)
_STRETCHY_WORD = re.compile(r"(?<!\w)(?:qu(á)|gh(ê)|ơ(i)|nh(a)|(à)|kh(á))(?!\w)", re.IGNORECASE)


def repeat_letters(text: str, rng: random.Random) -> str:
    """Stretch the last letter of the post ("quá" -> "quáaaa"), else of a word like "ơi"."""
    found = _LAST_VOWEL.search(text)
    if found is not None:
        start, end = found.span(1)
    else:
        hits = list(_STRETCHY_WORD.finditer(text))
        if not hits:
            return text
        hit = rng.choice(hits)
        group = next(i for i in range(1, 7) if hit.group(i) is not None)
        start, end = hit.span(group)
    vowel = text[start:end]
    plain = strip_diacritics(vowel)
    stretch = vowel + plain * rng.randint(2, 4)
    if rng.random() < 0.5 or plain == vowel:
        stretch = vowel * rng.randint(3, 5)
    return text[:start] + stretch + text[end:]


def shout(text: str, rng: random.Random) -> str:
    text = text.upper()
    if rng.random() < 0.5:
        text = text.rstrip(".!? ") + rng.choice(("!!!", "!!", " !!!!", "!?"))
    return text


def add_mention(text: str, rng: random.Random) -> str:
    return f"{rng.choice(_MENTIONS)} {text}"


def casual_punctuation(text: str, rng: random.Random) -> str:
    """Lower-case and change the ending, the way quick phone comments look."""
    text = text.lower().rstrip(".!? ")
    return text + rng.choice(("...", "..", " !!", "??", " =))", " :))", " hic"))


Transform = Callable[[str, random.Random, str], str]

_TRANSFORMS: tuple[tuple[str, float, Transform], ...] = (
    ("no_diacritics", 0.30, lambda t, r, lab: strip_diacritics(t)),
    ("teencode", 0.22, lambda t, r, lab: teencode(t, r)),
    ("emoji", 0.16, add_emoji),
    ("mask", 0.16, lambda t, r, lab: mask_swears(t, r)),
    ("repeat", 0.07, lambda t, r, lab: repeat_letters(t, r)),
    ("caps", 0.06, lambda t, r, lab: shout(t, r)),
    ("tone_style", 0.05, lambda t, r, lab: swap_tone_style(t)),
    ("mention", 0.04, lambda t, r, lab: add_mention(t, r)),
    ("casual", 0.05, lambda t, r, lab: casual_punctuation(t, r)),
)


def make_variant(text: str, label: str, rng: random.Random) -> str:
    """Apply one or two surface transforms; returns ``text`` unchanged when none applied."""
    weights = [w for _, w, _ in _TRANSFORMS]
    n_steps = 1 if rng.random() < 0.6 else 2
    out = text
    used: set[str] = set()
    for _ in range(n_steps):
        name, _, fn = rng.choices(_TRANSFORMS, weights=weights)[0]
        if name in used or (name == "mask" and label == "CLEAN"):
            continue
        used.add(name)
        out = fn(out, rng, label)
    # Both tone-mark styles ("hòa"/"hoà") occur in real comments; flip half the eligible ones.
    if "tone_style" not in used and rng.random() < 0.5:
        out = swap_tone_style(out)
    return re.sub(r"\s+", " ", out).strip()


def base_posts() -> list[tuple[str, str]]:
    """All hand-written posts as ``(text, label)``; raises on duplicates."""
    rows: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for label, blocks in BASE_BLOCKS.items():
        for block in blocks:
            for post in parse_block(block):
                if post in seen:
                    raise ValueError(f"duplicate base post ({seen[post]}/{label}): {post}")
                seen[post] = label
                rows.append((post, label))
    return rows


def build_rows(seed: int = SEED) -> tuple[list[tuple[str, str]], int]:
    """Return the shuffled corpus rows and how many of them are variants."""
    rng = random.Random(seed)
    base = base_posts()
    rows = list(base)
    seen = {text for text, _ in base}
    seen_folded = {text.casefold() for text in seen}
    n_variants = 0
    for label, share in LABEL_SHARES.items():
        pool = [text for text, lab in base if lab == label]
        needed = round(TARGET_TOTAL * share) - len(pool)
        uses = dict.fromkeys(pool, 0)
        attempts = 0
        while needed > 0 and attempts < 200 * len(pool):
            attempts += 1
            source = rng.choice(pool)
            if uses[source] >= MAX_VARIANTS_PER_POST:
                continue
            variant = make_variant(source, label, rng)
            if not variant or variant in seen:
                continue
            # A change of case alone is not a new post, except for deliberate shouting.
            if variant.casefold() in seen_folded and not variant.isupper():
                continue
            seen.add(variant)
            seen_folded.add(variant.casefold())
            uses[source] += 1
            rows.append((variant, label))
            n_variants += 1
            needed -= 1
    rng.shuffle(rows)
    return rows, n_variants


def write_csv(rows: list[tuple[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writerow(["text", "label"])
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUTPUT
    rows, _ = build_rows()
    write_csv(rows, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
